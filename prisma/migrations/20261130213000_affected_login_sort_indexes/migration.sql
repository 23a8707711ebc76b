-- Logins Afetados of a finalized order: every page, sorted by login or by customer in either direction, is an
-- index read of the order's frozen rows instead of a sort of all of them (50,000 for a city-wide outage).
CREATE INDEX "AffectedLogin_orderId_username_loginId_idx" ON "AffectedLogin"("orderId", "username", "loginId");
CREATE INDEX "AffectedLogin_orderId_customerName_loginId_idx" ON "AffectedLogin"("orderId", "customerName", "loginId");
