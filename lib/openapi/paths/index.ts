// Every documented route. A new route file under app/api/v1 adds its entries to one of these lists (or a
// new file listed here): the OpenAPI test fails until it does.
import type { RouteDoc } from "../define-route";
import { adminRoutes } from "./admin";
import { customerRoutes } from "./customers";
import { diagnosticsRoutes } from "./diagnostics";
import { integrationRoutes } from "./integrations";
import { notificationRoutes } from "./notifications";
import { operationsRoutes } from "./operations";
import { orderRoutes } from "./orders";
import { statusPageRoutes } from "./status-page";
import { topologyRoutes } from "./topology";

export const ROUTES: readonly RouteDoc[] = [...diagnosticsRoutes, ...customerRoutes, ...orderRoutes, ...operationsRoutes, ...adminRoutes, ...integrationRoutes, ...notificationRoutes, ...statusPageRoutes, ...topologyRoutes];
