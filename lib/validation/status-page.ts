// The public status page's branding and subscription settings (Configurações → Página de status), shared by
// the admin form, the API and the page. Stored in the Setting row "status-page".
import { z } from "zod";
import { MAX_LOGO_BYTES } from "./status-page-limits";

/** Largest uploaded logo as a data: URL (~4/3 of the image's MAX_LOGO_BYTES). */
const MAX_LOGO_CHARS = Math.ceil((MAX_LOGO_BYTES * 4) / 3) + 40;

const hexColor = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, "cor no formato #RRGGBB (ex.: #0b5fff)")
  .overwrite((v) => v.toLowerCase());

// The logo is either a path on this server ("/logo-provedor.png", served from public/) or a small uploaded
// PNG/JPEG/WebP/GIF as a data: URL. Not SVG (it can carry script) and not another site's URL: the page's
// Content-Security-Policy loads images only from the app itself and data: URLs, and a remote logo would
// let a third party see every visitor.
const logo = z
  .string()
  .trim()
  .max(MAX_LOGO_CHARS, `logo grande demais: envie uma imagem de até ${MAX_LOGO_BYTES / 1024} KB`)
  .refine(
    (v) =>
      /^\/(?!\/)[A-Za-z0-9._~\-/]{1,200}$/.test(v) && !v.includes("..") ||
      /^data:image\/(png|jpeg|webp|gif);base64,[A-Za-z0-9+/]+={0,2}$/.test(v),
    "logo: use um caminho deste servidor (ex.: /logo.png) ou envie uma imagem PNG, JPEG, WebP ou GIF",
  );

export const statusPageSettingsSchema = z.object({
  // The provider's name in the page's title and header.
  providerName: z.string().trim().min(1, "informe o nome do provedor").max(80, "no máximo 80 caracteres").default("Nosso provedor"),
  logo: logo.nullable().default(null),
  // Header background and links (default: Raio's blue) and the text on the header.
  primaryColor: hexColor.default("#1d4ed8"),
  headerTextColor: hexColor.default("#ffffff"),
  // The approved Opa! Suite template used for WhatsApp confirmations and notices; its one variable is the text.
  whatsappTemplateId: z.string().trim().min(1).max(200).nullable().default(null),
});
export type StatusPageSettings = z.infer<typeof statusPageSettingsSchema>;
export const DEFAULT_STATUS_PAGE_SETTINGS: StatusPageSettings = statusPageSettingsSchema.parse({});
export const statusPageSettingsPatchSchema = statusPageSettingsSchema.partial().strict();

/** A CEP as people type it ("13010-000", "13.010-000", "13010000"), as its 8 digits. */
export const cepSchema = z
  .string()
  .trim()
  .transform((v) => v.replace(/[.\-\s]/g, ""))
  .refine((v) => /^\d{8}$/.test(v), "CEP inválido: informe os 8 dígitos (ex.: 13010-000)");

export const subscribeFormSchema = z.discriminatedUnion("canal", [
  z.object({
    canal: z.literal("email"),
    contato: z.string().trim().toLowerCase().max(254, "e-mail longo demais").pipe(z.email("e-mail inválido (ex.: nome@exemplo.com.br)")),
    cep: cepSchema,
  }),
  z.object({
    canal: z.literal("whatsapp"),
    contato: z
      .string()
      .trim()
      .transform((v) => v.replace(/[\s().\-]/g, ""))
      .transform((v) => (v.startsWith("+") ? v : v.startsWith("55") && v.length >= 12 ? `+${v}` : `+55${v}`))
      .refine((v) => /^\+55[1-9]\d9?\d{8}$/.test(v) && (v.length === 13 || v.length === 14), "número de WhatsApp inválido: DDD + número (ex.: 19 99876-5432)"),
    cep: cepSchema,
  }),
], { error: () => "canal: escolha e-mail ou WhatsApp" });
export type SubscribeForm = z.infer<typeof subscribeFormSchema>;
