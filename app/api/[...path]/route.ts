// Any /api path no route answers: a JSON 404 in the API's error shape (Next would answer an HTML page).
import { errorResponse, notFound } from "@/lib/errors";

function unknownRoute(req: Request): Response {
  return errorResponse(notFound(`Rota ${new URL(req.url).pathname} não existe. Veja a lista de rotas na documentação da API.`));
}

export const GET = unknownRoute;
export const HEAD = unknownRoute;
export const POST = unknownRoute;
export const PUT = unknownRoute;
export const PATCH = unknownRoute;
export const DELETE = unknownRoute;
export const OPTIONS = unknownRoute;
