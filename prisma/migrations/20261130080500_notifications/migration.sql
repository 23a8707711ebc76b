-- CreateEnum
CREATE TYPE "NotificationEvent" AS ENUM ('ORDER_STARTED', 'FORECAST_CHANGED', 'ORDER_FINALIZED', 'PLANNED_MAINTENANCE', 'OUTAGE_CONFIRMED');

-- CreateEnum
CREATE TYPE "NotificationChannel" AS ENUM ('WHATSAPP', 'EMAIL', 'SMS', 'WEBHOOK');

-- CreateTable
CREATE TABLE "SubjectNotification" (
    "id" SERIAL NOT NULL,
    "subjectId" INTEGER NOT NULL,
    "event" "NotificationEvent" NOT NULL,
    "template" TEXT NOT NULL,
    "emailSubject" TEXT,
    "channels" "NotificationChannel"[],
    "whatsappTemplateId" TEXT,
    "whatsappVariables" TEXT[],
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SubjectNotification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationOptOut" (
    "customerId" INTEGER NOT NULL,
    "channel" "NotificationChannel" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NotificationOptOut_pkey" PRIMARY KEY ("customerId","channel")
);

-- CreateIndex
CREATE UNIQUE INDEX "SubjectNotification_subjectId_event_key" ON "SubjectNotification"("subjectId", "event");

-- AddForeignKey
ALTER TABLE "SubjectNotification" ADD CONSTRAINT "SubjectNotification_subjectId_fkey" FOREIGN KEY ("subjectId") REFERENCES "Subject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationOptOut" ADD CONSTRAINT "NotificationOptOut_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

