-- Public status page subscriptions (issue 15, part B). Additive: a new table only.
CREATE TABLE "StatusSubscription" (
    "id" SERIAL NOT NULL,
    "channel" "NotificationChannel" NOT NULL,
    "address" TEXT NOT NULL,
    "cep" TEXT NOT NULL,
    "confirmTokenHash" TEXT,
    "confirmSentAt" TIMESTAMP(3),
    "confirmedAt" TIMESTAMP(3),
    "unsubscribeToken" TEXT NOT NULL,
    "unsubscribedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StatusSubscription_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "StatusSubscription_confirmTokenHash_key" ON "StatusSubscription"("confirmTokenHash");
CREATE UNIQUE INDEX "StatusSubscription_unsubscribeToken_key" ON "StatusSubscription"("unsubscribeToken");
CREATE UNIQUE INDEX "StatusSubscription_channel_address_cep_key" ON "StatusSubscription"("channel", "address", "cep");
CREATE INDEX "StatusSubscription_cep_idx" ON "StatusSubscription"("cep");

CREATE TABLE "StatusNotice" (
    "orderId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StatusNotice_pkey" PRIMARY KEY ("orderId","key")
);
