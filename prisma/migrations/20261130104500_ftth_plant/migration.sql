-- FTTH plant (issue 17): OLT → PON port → CTO → port → login. Additive only.
CREATE TABLE "Olt" (
    "id" SERIAL NOT NULL,
    "externalId" TEXT,
    "name" TEXT NOT NULL,
    "lat" DOUBLE PRECISION,
    "lng" DOUBLE PRECISION,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Olt_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Olt_externalId_key" ON "Olt"("externalId");

CREATE TABLE "PonPort" (
    "id" SERIAL NOT NULL,
    "externalId" TEXT,
    "oltId" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PonPort_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "PonPort_externalId_key" ON "PonPort"("externalId");
CREATE UNIQUE INDEX "PonPort_oltId_label_key" ON "PonPort"("oltId", "label");
ALTER TABLE "PonPort" ADD CONSTRAINT "PonPort_oltId_fkey" FOREIGN KEY ("oltId") REFERENCES "Olt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "Cto" (
    "id" SERIAL NOT NULL,
    "externalId" TEXT,
    "name" TEXT NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "lng" DOUBLE PRECISION NOT NULL,
    "capacity" INTEGER NOT NULL,
    "ponId" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Cto_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Cto_externalId_key" ON "Cto"("externalId");
CREATE INDEX "Cto_ponId_idx" ON "Cto"("ponId");
ALTER TABLE "Cto" ADD CONSTRAINT "Cto_ponId_fkey" FOREIGN KEY ("ponId") REFERENCES "PonPort"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "Login" ADD COLUMN "ctoId" INTEGER;
ALTER TABLE "Login" ADD COLUMN "ctoPort" INTEGER;
CREATE UNIQUE INDEX "Login_ctoId_ctoPort_key" ON "Login"("ctoId", "ctoPort");
ALTER TABLE "Login" ADD CONSTRAINT "Login_ctoId_fkey" FOREIGN KEY ("ctoId") REFERENCES "Cto"("id") ON DELETE SET NULL ON UPDATE CASCADE;
