import { DuckDBInstance } from '@duckdb/node-api';

/** DuckDB as the independent reader of what our writers wrote. */
export async function query(sql: string): Promise<unknown[][]> {
  const db = await DuckDBInstance.create(':memory:');
  const connection = await db.connect();
  try {
    return (await connection.runAndReadAll(sql)).getRows() as unknown[][];
  } finally {
    connection.closeSync();
  }
}
