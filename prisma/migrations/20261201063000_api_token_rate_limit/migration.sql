-- Each API token may carry its own per-minute limit (per server process); NULL keeps the server's default
-- (RAIO_API_RATE_LIMIT_PER_MIN), 0 means no limit.
ALTER TABLE "ApiToken" ADD COLUMN "rateLimitPerMin" INTEGER;
