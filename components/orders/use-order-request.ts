"use client";
// One request from an order page's form: busy while it runs, the Portuguese error when it fails, and the
// page's server data refreshed when it succeeds.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { errorMessage } from "@/lib/api-client";

export function useOrderRequest() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  /** Runs `request`; true when it succeeded (the page is refreshed then). */
  async function run(request: () => Promise<void>): Promise<boolean> {
    setBusy(true);
    setError(null);
    try {
      await request();
      router.refresh();
      return true;
    } catch (err) {
      setError(errorMessage(err));
      return false;
    } finally {
      setBusy(false);
    }
  }

  return { busy, error, run };
}
