import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Raio", template: "%s · Raio" },
  description: "Diagnósticos e regiões de manutenção para provedores de internet",
  // Files in public/: the favicon for old browsers, the SVG for new ones, the home-screen icon and manifest.
  icons: {
    icon: [{ url: "/favicon.ico", sizes: "48x48" }, { url: "/icon.svg", type: "image/svg+xml" }],
    apple: "/apple-touch-icon.png",
  },
  manifest: "/site.webmanifest",
  robots: { index: false, follow: false },
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="pt-BR">
      <body className="font-sans">{children}</body>
    </html>
  );
}
