import { customerSearchSchema } from "../../customers/search-schema";
import { defineRoute } from "../define-route";
import { jsonObjectSchema } from "../schemas";

export const customerRoutes = [
  defineRoute({
    method: "get",
    path: "/api/v1/customers",
    tag: "Clientes",
    summary: "Busca de clientes",
    description: "Por nome, CPF/CNPJ, telefone, login ou código, completo ou digitado até agora; paginada.",
    access: "clientes.read",
    query: customerSearchSchema,
    response: jsonObjectSchema,
  }),
];
