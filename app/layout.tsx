import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Raio", template: "%s · Raio" },
  description: "Diagnósticos e regiões de manutenção para provedores de internet",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="pt-BR">
      <body className="font-sans">{children}</body>
    </html>
  );
}
