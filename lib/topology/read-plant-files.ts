// The FTTH plant's files of an ERP export folder (olts.csv, pons.csv, ctos.csv — each optional) plus the
// plant columns of logins.csv: validated with the plant's row schemas and checked against the database.
// Errors name file, line and field, like the rest of the import.
import { validateFile, type ImportError } from "../import/import-erp-folder";
import type { CsvConnector } from "../import/csv-connector";
import { checkPlantRows } from "./check-plant-rows";
import { OPTIONAL_PLANT_FILE_COLUMNS, PLANT_SCHEMAS, PLANT_TABLES, type LoginPlant, type PlantBatch } from "./plant-rows";

export const PLANT_FILES = PLANT_TABLES.map((t) => `${t}.csv`);

export async function readPlantFiles(csv: CsvConnector, logins: { line: number; row: LoginPlant }[], errors: ImportError[]): Promise<PlantBatch> {
  const batch: PlantBatch = { olts: [], pons: [], ctos: [], logins: logins.map(({ line, row }) => ({ at: line, row })) };
  for (const table of PLANT_TABLES) {
    if (!csv.table(table)) continue;
    const rows = await validateFile(csv, table, PLANT_SCHEMAS[table], errors, OPTIONAL_PLANT_FILE_COLUMNS);
    (batch[table] as { at: number; row: unknown }[]) = rows.map(({ line, row }) => ({ at: line, row }));
  }
  for (const e of await checkPlantRows(batch)) errors.push({ file: `${e.table}.csv`, line: e.at, field: e.field, message: e.message });
  return batch;
}
