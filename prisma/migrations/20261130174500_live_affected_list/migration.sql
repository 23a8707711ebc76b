-- Logins Afetados of a live order as index reads (lib/maintenance/live-affected-list.ts): the sort and search
-- columns of the order's logins, rebuilt when its region or the login locations change, refreshed when older
-- than 30 s.
CREATE TABLE "LiveAffectedLogin" (
    "orderId" INTEGER NOT NULL,
    "loginId" INTEGER NOT NULL,
    "username" TEXT NOT NULL,
    "customerName" TEXT NOT NULL,
    "planName" TEXT NOT NULL,
    "technology" "Technology" NOT NULL,
    "online" BOOLEAN NOT NULL,
    "lastSeenAt" TIMESTAMP(3),
    "address" TEXT,

    CONSTRAINT "LiveAffectedLogin_pkey" PRIMARY KEY ("orderId","loginId")
);

CREATE TABLE "LiveAffectedList" (
    "orderId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "refreshedAt" TIMESTAMP(3) NOT NULL,
    "total" INTEGER NOT NULL,
    "online" INTEGER NOT NULL,

    CONSTRAINT "LiveAffectedList_pkey" PRIMARY KEY ("orderId")
);

CREATE INDEX "LiveAffectedLogin_orderId_username_loginId_idx" ON "LiveAffectedLogin"("orderId", "username", "loginId");
CREATE INDEX "LiveAffectedLogin_orderId_customerName_loginId_idx" ON "LiveAffectedLogin"("orderId", "customerName", "loginId");

ALTER TABLE "LiveAffectedLogin" ADD CONSTRAINT "LiveAffectedLogin_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "ServiceOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "LiveAffectedList" ADD CONSTRAINT "LiveAffectedList_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "ServiceOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;
