// The client's IP address, for login throttling and the audit log.
// The front door (lib/http/api-front.ts) writes the socket's address into X-Forwarded-For unless RAIO_TRUST_PROXY is on;
// with it on, the reverse proxy appends the address it saw, so the LAST entry is the one to believe (the
// entries before it came from the client and may be forged).
export function clientIp(req: Request): string {
  const parts = (req.headers.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  return parts[parts.length - 1] ?? "desconhecido";
}
