-- The discount lines an order wrote when it was finalized (never changed afterwards): their sum and how many
-- were not excluded, for the dashboard's month and regions table (no pass over every discount line).
ALTER TABLE "ServiceOrder" ADD COLUMN "discountCents" INTEGER, ADD COLUMN "discountCount" INTEGER;

UPDATE "ServiceOrder" o SET "discountCents" = d.cents, "discountCount" = d.n
  FROM (SELECT "orderId", SUM("amountCents")::int AS cents, (COUNT(*) FILTER (WHERE NOT excluded))::int AS n
          FROM "Discount" GROUP BY "orderId") d
 WHERE d."orderId" = o.id;
