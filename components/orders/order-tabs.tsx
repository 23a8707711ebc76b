"use client";
// The order page's tabs. Their contents come with later features; until then each says so honestly.
import { useId, useState } from "react";

export interface OrderTab {
  key: string;
  label: string;
  content: React.ReactNode;
}

export function OrderTabs({ tabs }: { tabs: OrderTab[] }) {
  const base = useId();
  const [active, setActive] = useState(tabs[0]?.key);
  return (
    <div>
      <div role="tablist" aria-label="Detalhes da OS" className="flex flex-wrap gap-1 border-b border-slate-200">
        {tabs.map((t) => (
          <button key={t.key} type="button" role="tab" id={`${base}-${t.key}`} aria-selected={active === t.key} aria-controls={`${base}-${t.key}-panel`}
            onClick={() => setActive(t.key)}
            className={`-mb-px border-b-2 px-3 py-2 text-sm ${active === t.key ? "border-brand-600 font-semibold text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}>
            {t.label}
          </button>
        ))}
      </div>
      {tabs.map((t) => (
        <div key={t.key} role="tabpanel" id={`${base}-${t.key}-panel`} aria-labelledby={`${base}-${t.key}`} hidden={active !== t.key} className="py-4">
          {t.content}
        </div>
      ))}
    </div>
  );
}
