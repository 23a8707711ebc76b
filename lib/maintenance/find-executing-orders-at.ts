// Kept as the stable import path for callers; the work is done by the cached region index.
export { findExecutingOrdersAt, type ExecutingOrderHit } from "./executing-regions";
