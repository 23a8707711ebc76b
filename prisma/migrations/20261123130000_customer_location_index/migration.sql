-- CreateIndex
CREATE INDEX "Customer_lat_lng_idx" ON "Customer"("lat", "lng");

