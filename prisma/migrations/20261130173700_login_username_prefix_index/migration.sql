-- The search box's login reading is a case-insensitive prefix ("silva" → "silva123", "Silva.Joao"): a range of
-- this index holds exactly those logins, where the trigram index also returns every login with "silva" inside
-- ("maria.silva77") for a recheck that drops them (lib/customers/search-customers.ts).
CREATE INDEX "Login_username_lower_prefix_idx" ON "Login" (lower("username") text_pattern_ops);
