// The public status page's settings (the page itself, /status, is HTML outside the API).
import { z } from "zod";
import { statusPageSettingsPatchSchema, statusPageSettingsSchema } from "../../validation/status-page";
import { defineRoute } from "../define-route";

export const statusPageRoutes = [
  defineRoute({
    method: "get",
    path: "/api/v1/settings/status-page",
    tag: "Configurações",
    summary: "Nome, logo e cores da página pública de status (só administrador)",
    access: "configuracoes.write",
    response: z.object({ statusPage: statusPageSettingsSchema }),
  }),
  defineRoute({
    method: "put",
    path: "/api/v1/settings/status-page",
    tag: "Configurações",
    summary: "Altera a identidade da página de status",
    description: "Cores em #RRGGBB; logo como caminho deste servidor (/logo.png) ou imagem PNG/JPEG/WebP/GIF de até 64 KB em data: URL.",
    access: "configuracoes.write",
    body: statusPageSettingsPatchSchema,
    response: z.object({ statusPage: statusPageSettingsSchema }),
    errors: [413],
  }),
];
