// The list every read-only page shows (jobs, data requests, the consent review and the refunds the
// law requires): a Polaris IndexTable with no row selection, one cell per heading. The orders
// table, whose rows are selected for bulk actions, keeps its own.
import { IndexTable } from "@shopify/polaris";
import type { ReactNode } from "react";

export interface ReadOnlyTableProps<Row> {
  /** What a row is, as Polaris says it ("1 order", "3 orders"). */
  noun: { singular: string; plural: string };
  headings: readonly [string, ...string[]];
  rows: readonly Row[];
  rowId: (row: Row) => string;
  /** The row's cells, in the order of the headings. */
  cells: (row: Row) => readonly ReactNode[];
}

export function ReadOnlyTable<Row>({
  noun,
  headings,
  rows,
  rowId,
  cells,
}: ReadOnlyTableProps<Row>) {
  const [first, ...rest] = headings;
  return (
    <IndexTable
      resourceName={noun}
      itemCount={rows.length}
      selectable={false}
      headings={[{ title: first }, ...rest.map((title) => ({ title }))]}
    >
      {rows.map((row, index) => (
        <IndexTable.Row id={rowId(row)} key={rowId(row)} position={index}>
          {cells(row).map((cell, column) => (
            <IndexTable.Cell key={column}>{cell}</IndexTable.Cell>
          ))}
        </IndexTable.Row>
      ))}
    </IndexTable>
  );
}
