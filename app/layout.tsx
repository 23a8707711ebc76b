import type { Metadata } from "next";
import { headers } from "next/headers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Raio", template: "%s · Raio" },
  description: "Diagnósticos e regiões de manutenção para provedores de internet",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: the Content-Security-Policy nonce (proxy.ts) differs each time, and Next
  // reads it from the request to put on its scripts; a page prerendered at build time would carry none.
  await headers();
  return (
    <html lang="pt-BR">
      <body className="font-sans">{children}</body>
    </html>
  );
}
