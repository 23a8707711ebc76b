-- How many logins an order froze when it was finalized (written by the finalizing transaction), so the
-- dashboard sums orders instead of counting their AffectedLogin rows. Orders finalized before get theirs now.
ALTER TABLE "ServiceOrder" ADD COLUMN "frozenLoginCount" INTEGER;

UPDATE "ServiceOrder" o SET "frozenLoginCount" = c.n
  FROM (SELECT "orderId", COUNT(*)::int AS n FROM "AffectedLogin" GROUP BY "orderId") c
 WHERE c."orderId" = o.id;
