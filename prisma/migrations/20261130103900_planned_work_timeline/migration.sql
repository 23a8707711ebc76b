-- Planned work and the order timeline (issue 15).
ALTER TYPE "NotificationEvent" ADD VALUE 'ORDER_UPDATE';

ALTER TABLE "ServiceOrder" ADD COLUMN "scheduledStartAt" TIMESTAMP(3);
CREATE INDEX "ServiceOrder_scheduledStartAt_idx" ON "ServiceOrder"("scheduledStartAt");

CREATE TYPE "OrderUpdateKind" AS ENUM ('FORECAST', 'PUBLIC_NOTE', 'INTERNAL_NOTE');

CREATE TABLE "OrderUpdate" (
    "id" SERIAL NOT NULL,
    "orderId" INTEGER NOT NULL,
    "kind" "OrderUpdateKind" NOT NULL,
    "text" TEXT,
    "previousExpectedEndAt" TIMESTAMP(3),
    "expectedEndAt" TIMESTAMP(3),
    "userId" INTEGER,
    "apiTokenId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrderUpdate_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "OrderUpdate_orderId_createdAt_idx" ON "OrderUpdate"("orderId", "createdAt");
CREATE INDEX "OrderUpdate_kind_createdAt_idx" ON "OrderUpdate"("kind", "createdAt");

ALTER TABLE "OrderUpdate" ADD CONSTRAINT "OrderUpdate_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "ServiceOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;
