// A table that scrolls sideways inside its own box when its columns are wider than the screen, so the
// page itself never does (technicians use Raio on 360 px phones). Every cell gets side padding, so a
// right-aligned header never touches the next one ("PropostoValor final").
export function DataTable({ className = "w-full text-sm", children, ...rest }: React.TableHTMLAttributes<HTMLTableElement>) {
  return (
    <div className="max-w-full overflow-x-auto [&_td]:px-2 [&_th]:px-2">
      <table className={className} {...rest}>{children}</table>
    </div>
  );
}
