/**
 * Generates `src/lib/database.types.ts` from a running database, in the shape
 * `supabase gen types typescript` produces (Database → public → Tables / Views /
 * Functions / Enums / CompositeTypes, plus the Tables<…> helpers), so supabase-js
 * is typed without the Supabase CLI or Docker.
 *
 *   tsx dev/gen-types.ts [--db-url postgres://…] [--out src/lib/database.types.ts] [--check]
 *
 * Without --db-url it reads DATABASE_URL, then `.local/stack.json` (written by the
 * local stack). --check exits non-zero when the file on disk is not up to date.
 * The output is already formatted as Biome formats it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_TYPES_FILE = path.join(repoRoot, 'src', 'lib', 'database.types.ts');

/** Anything with pg's `query`: a Client, a Pool or a PoolClient. */
export interface Queryable {
  query<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

interface ColumnRow {
  table_name: string;
  column_name: string;
  type_name: string;
  type_schema: string;
  type_category: string;
  elem_type_name: string | null;
  elem_type_schema: string | null;
  is_array: boolean;
  not_null: boolean;
  has_default: boolean;
  identity: string;
  generated: string;
}

interface RelationRow {
  name: string;
  kind: string;
}

interface ForeignKeyRow {
  table_name: string;
  constraint_name: string;
  columns: string[];
  referenced_table: string;
  referenced_columns: string[];
  one_to_one: boolean;
}

interface EnumRow {
  enum_name: string;
  labels: string[];
}

interface FunctionArg {
  name: string;
  type_name: string;
  type_schema: string;
  is_array: boolean;
  elem_type_name: string | null;
  has_default: boolean;
  /** The table or view whose row type the argument is (computed fields), else null. */
  row_of: string | null;
  row_of_view: boolean;
}

interface FunctionRow {
  function_name: string;
  args: FunctionArg[];
  return_type_name: string;
  return_type_schema: string;
  return_is_array: boolean;
  return_elem_type_name: string | null;
  returns_set: boolean;
  /** The table or view whose rows the function returns (`returns setof reservations`), else null. */
  returns_row_of: string | null;
  /** The columns of `returns table (…)`, in order; empty for other functions. */
  table_columns: Array<Omit<FunctionArg, 'has_default' | 'row_of' | 'row_of_view'>>;
}

const SCHEMA = 'public';

const RELATIONS_SQL = `
  select c.relname as name, c.relkind::text as kind
  from pg_catalog.pg_class c
  where c.relnamespace = $1::regnamespace and c.relkind in ('r', 'p', 'v', 'm')
  order by c.relname`;

const COLUMNS_SQL = `
  select
    c.relname as table_name,
    a.attname as column_name,
    t.typname as type_name,
    tn.nspname as type_schema,
    t.typcategory::text as type_category,
    et.typname as elem_type_name,
    etn.nspname as elem_type_schema,
    (t.typcategory = 'A') as is_array,
    a.attnotnull as not_null,
    a.atthasdef as has_default,
    a.attidentity::text as identity,
    a.attgenerated::text as generated
  from pg_catalog.pg_attribute a
  join pg_catalog.pg_class c on c.oid = a.attrelid
  join pg_catalog.pg_type t on t.oid = a.atttypid
  join pg_catalog.pg_namespace tn on tn.oid = t.typnamespace
  left join pg_catalog.pg_type et on et.oid = t.typelem and t.typcategory = 'A'
  left join pg_catalog.pg_namespace etn on etn.oid = et.typnamespace
  where c.relnamespace = $1::regnamespace
    and c.relkind in ('r', 'p', 'v', 'm')
    and a.attnum > 0
    and not a.attisdropped
  order by c.relname, a.attname`;

// A relationship is one-to-one when its columns are exactly a primary key or
// unique constraint of the referencing table, as postgres-meta decides it.
const FOREIGN_KEYS_SQL = `
  select
    c.relname as table_name,
    con.conname as constraint_name,
    array(
      select a.attname from unnest(con.conkey) with ordinality k(attnum, n)
      join pg_catalog.pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum
      order by k.n
    )::text[] as columns,
    rc.relname as referenced_table,
    array(
      select a.attname from unnest(con.confkey) with ordinality k(attnum, n)
      join pg_catalog.pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.attnum
      order by k.n
    )::text[] as referenced_columns,
    exists (
      select 1 from pg_catalog.pg_constraint u
      where u.conrelid = con.conrelid and u.contype in ('p', 'u')
        and u.conkey @> con.conkey and u.conkey <@ con.conkey
    ) as one_to_one
  from pg_catalog.pg_constraint con
  join pg_catalog.pg_class c on c.oid = con.conrelid
  join pg_catalog.pg_class rc on rc.oid = con.confrelid
  where con.contype = 'f'
    and c.relnamespace = $1::regnamespace
    and rc.relnamespace = $1::regnamespace
  order by c.relname, con.conname`;

const ENUMS_SQL = `
  select t.typname as enum_name, array_agg(e.enumlabel order by e.enumsortorder)::text[] as labels
  from pg_catalog.pg_type t
  join pg_catalog.pg_enum e on e.enumtypid = t.oid
  where t.typnamespace = $1::regnamespace
  group by t.typname
  order by t.typname`;

// Functions callable through /rest/v1/rpc: not triggers, not aggregates, no
// pseudo-type arguments.
const FUNCTIONS_SQL = `
  select
    p.proname as function_name,
    coalesce((
      select json_agg(json_build_object(
        'name', coalesce(p.proargnames[arg.n], ''),
        'type_name', t.typname,
        'type_schema', tn.nspname,
        'is_array', t.typcategory = 'A',
        'elem_type_name', et.typname,
        'has_default', arg.n > p.pronargs - p.pronargdefaults,
        'row_of', rel.relname,
        'row_of_view', rel.relkind in ('v', 'm')
      ) order by arg.n)
      from unnest(p.proargtypes::oid[]) with ordinality arg(type_oid, n)
      join pg_catalog.pg_type t on t.oid = arg.type_oid
      join pg_catalog.pg_namespace tn on tn.oid = t.typnamespace
      left join pg_catalog.pg_type et on et.oid = t.typelem and t.typcategory = 'A'
      left join pg_catalog.pg_class rel
        on rel.oid = t.typrelid and rel.relnamespace = p.pronamespace
        and rel.relkind in ('r', 'p', 'v', 'm')
    ), '[]'::json) as args,
    rt.typname as return_type_name,
    rtn.nspname as return_type_schema,
    rt.typcategory = 'A' as return_is_array,
    ret.typname as return_elem_type_name,
    p.proretset as returns_set,
    rrel.relname as returns_row_of,
    coalesce((
      select json_agg(json_build_object(
        'name', p.proargnames[arg.n],
        'type_name', t.typname,
        'type_schema', tn.nspname,
        'is_array', t.typcategory = 'A',
        'elem_type_name', et.typname
      ) order by arg.n)
      from unnest(p.proallargtypes, p.proargmodes) with ordinality arg(type_oid, mode, n)
      join pg_catalog.pg_type t on t.oid = arg.type_oid
      join pg_catalog.pg_namespace tn on tn.oid = t.typnamespace
      left join pg_catalog.pg_type et on et.oid = t.typelem and t.typcategory = 'A'
      where arg.mode = 't'
    ), '[]'::json) as table_columns
  from pg_catalog.pg_proc p
  join pg_catalog.pg_type rt on rt.oid = p.prorettype
  join pg_catalog.pg_namespace rtn on rtn.oid = rt.typnamespace
  left join pg_catalog.pg_type ret on ret.oid = rt.typelem and rt.typcategory = 'A'
  left join pg_catalog.pg_class rrel
    on rrel.oid = rt.typrelid and rrel.relnamespace = p.pronamespace
    and rrel.relkind in ('r', 'p', 'v', 'm')
  where p.pronamespace = $1::regnamespace
    and p.prokind = 'f'
    and rt.typname not in ('trigger', 'event_trigger')
    and not exists (
      select 1 from unnest(p.proargtypes::oid[]) a(type_oid)
      join pg_catalog.pg_type t on t.oid = a.type_oid
      where t.typtype = 'p' and t.typname not in ('record', 'anyelement')
    )
  order by p.proname, p.oid`;

/** postgres-meta's mapping from a Postgres base type to TypeScript. */
function scalarType(typeName: string, typeSchema: string, enums: ReadonlySet<string>): string {
  if (typeSchema === SCHEMA && enums.has(typeName)) {
    return `Database['public']['Enums']['${typeName}']`;
  }
  switch (typeName) {
    case 'bool':
      return 'boolean';
    case 'int2':
    case 'int4':
    case 'int8':
    case 'float4':
    case 'float8':
    case 'numeric':
    case 'oid':
      return 'number';
    case 'bytea':
    case 'bpchar':
    case 'varchar':
    case 'text':
    case 'citext':
    case 'date':
    case 'time':
    case 'timetz':
    case 'timestamp':
    case 'timestamptz':
    case 'uuid':
    case 'interval':
    case 'inet':
    case 'cidr':
    case 'macaddr':
    case 'tsvector':
    case 'tsquery':
    case 'regdictionary':
    case 'daterange':
    case 'tstzrange':
    case 'int4range':
    case 'int8range':
    case 'numrange':
      return 'string';
    case 'json':
    case 'jsonb':
      return 'Json';
    case 'void':
      return 'undefined';
    case 'record':
      return 'Record<string, unknown>';
    default:
      return 'unknown';
  }
}

function columnType(column: ColumnRow, enums: ReadonlySet<string>): string {
  if (column.is_array && column.elem_type_name) {
    return `${scalarType(column.elem_type_name, column.elem_type_schema ?? '', enums)}[]`;
  }
  return scalarType(column.type_name, column.type_schema, enums);
}

/** Object keys as Biome prints them: bare when they are identifiers. */
function key(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : `'${name.replace(/'/g, "\\'")}'`;
}

function quote(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function indent(lines: string[], depth: number): string[] {
  const pad = '  '.repeat(depth);
  return lines.map((line) => (line === '' ? line : pad + line));
}

function block(open: string, body: string[], close = '};'): string[] {
  if (body.length === 0) return [`${open} {`, '  [_ in never]: never;', close];
  return [`${open} {`, ...indent(body, 1), close];
}

function tableBlock(
  name: string,
  columns: ColumnRow[],
  foreignKeys: ForeignKeyRow[],
  enums: ReadonlySet<string>,
  isView: boolean,
  computed: string[] = [],
): string[] {
  const row: string[] = [];
  const insert: string[] = [];
  const update: string[] = [];
  for (const column of columns) {
    const ts = columnType(column, enums);
    const nullable = !column.not_null || isView;
    const full = nullable ? `${ts} | null` : ts;
    const k = key(column.column_name);
    row.push(`${k}: ${full};`);
    const generatedAlways = column.identity === 'a' || column.generated === 's';
    if (generatedAlways) {
      insert.push(`${k}?: never;`);
      update.push(`${k}?: never;`);
      continue;
    }
    const optional = nullable || column.has_default || column.identity === 'd';
    insert.push(`${k}${optional ? '?' : ''}: ${full};`);
    update.push(`${k}?: ${full};`);
  }
  const relationships = foreignKeys.flatMap((fk) => [
    '{',
    `  foreignKeyName: ${quote(fk.constraint_name)};`,
    `  columns: [${fk.columns.map(quote).join(', ')}];`,
    `  isOneToOne: ${fk.one_to_one};`,
    `  referencedRelation: ${quote(fk.referenced_table)};`,
    `  referencedColumns: [${fk.referenced_columns.map(quote).join(', ')}];`,
    '},',
  ]);
  const body = [
    ...block('Row:', [...row, ...computed]),
    ...(isView ? [] : [...block('Insert:', insert), ...block('Update:', update)]),
    ...(relationships.length === 0
      ? ['Relationships: [];']
      : ['Relationships: [', ...indent(relationships, 1), '];']),
  ];
  return block(`${key(name)}:`, body);
}

/** A table's or view's row type, as postgres-meta writes it for such an argument. */
function rowType(relation: string, isView: boolean): string {
  return `Database['public']['${isView ? 'Views' : 'Tables'}'][${quote(relation)}]['Row']`;
}

function returnType(fn: FunctionRow, enums: ReadonlySet<string>): string {
  return fn.return_is_array && fn.return_elem_type_name
    ? `${scalarType(fn.return_elem_type_name, fn.return_type_schema, enums)}[]`
    : scalarType(fn.return_type_name, fn.return_type_schema, enums);
}

/**
 * PostgREST's computed fields: a function of schema public whose only argument is an unnamed
 * row of the relation. `supabase gen types` lists them in the relation's Row (after its
 * columns, `name: type | null`) as well as under Functions with Args `{ '': Row }`; supabase-js
 * relies on both to type `select('*, has_overlap')` (and leaves them out of `*`).
 */
function computedFields(
  relation: string,
  functions: FunctionRow[],
  enums: ReadonlySet<string>,
): string[] {
  return functions
    .filter((fn) => {
      const [only, ...rest] = fn.args;
      return (
        only !== undefined &&
        rest.length === 0 &&
        only.name === '' &&
        only.row_of === relation &&
        !fn.returns_set
      );
    })
    .map((fn) => `${key(fn.function_name)}: ${returnType(fn, enums)} | null;`);
}

function functionBlock(
  overloads: FunctionRow[],
  enums: ReadonlySet<string>,
  rowColumns: (relation: string) => string[],
): string[] {
  const variants = overloads.map((fn) => {
    const args = fn.args.map((arg) => {
      const base = arg.row_of
        ? rowType(arg.row_of, arg.row_of_view)
        : arg.is_array && arg.elem_type_name
          ? `${scalarType(arg.elem_type_name, arg.type_schema, enums)}[]`
          : scalarType(arg.type_name, arg.type_schema, enums);
      return `${key(arg.name)}${arg.has_default ? '?' : ''}: ${base};`;
    });
    const argLines = args.length === 0 ? ['Args: never;'] : block('Args:', args);
    if (fn.returns_row_of) {
      // Rows of a relation: the columns written out, and SetofOptions, which supabase-js uses
      // to treat `.rpc(…).select(…)` like a select on that relation (computed fields included).
      const rows = block('Returns:', rowColumns(fn.returns_row_of), fn.returns_set ? '}[];' : '};');
      return [
        ...argLines,
        ...rows,
        ...block('SetofOptions:', [
          "from: '*';",
          `to: ${quote(fn.returns_row_of)};`,
          `isOneToOne: ${!fn.returns_set};`,
          `isSetofReturn: ${fn.returns_set};`,
        ]),
      ];
    }
    if (fn.table_columns.length > 0) {
      // `returns table (…)`: its columns, typed without null as postgres-meta types them (the
      // app parses such rows with a schema where a column can be null).
      const columns = fn.table_columns.map((column) => {
        const type =
          column.is_array && column.elem_type_name
            ? `${scalarType(column.elem_type_name, column.type_schema, enums)}[]`
            : scalarType(column.type_name, column.type_schema, enums);
        return `${key(column.name)}: ${type};`;
      });
      return [...argLines, ...block('Returns:', columns, '}[];')];
    }
    const single = returnType(fn, enums);
    const returns = fn.returns_set ? `${single}[]` : single;
    return [...argLines, `Returns: ${returns};`];
  });
  const [first] = variants;
  if (variants.length === 1 && first) return first;
  // Overloads: a union of signatures, as supabase gen types writes them.
  return variants.flatMap((lines) => ['| {', ...indent(lines, 2), '  }']);
}

const HEADER = `// GENERATED by dev/gen-types.ts from the local database — do not edit by hand.
// Regenerate after changing supabase/migrations: npm run gen:types

export type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[];
`;

const HELPERS = `
type DefaultSchema = Database['public'];

export type Tables<TableName extends keyof (DefaultSchema['Tables'] & DefaultSchema['Views'])> =
  (DefaultSchema['Tables'] & DefaultSchema['Views'])[TableName] extends { Row: infer R }
    ? R
    : never;

export type TablesInsert<TableName extends keyof DefaultSchema['Tables']> =
  DefaultSchema['Tables'][TableName] extends { Insert: infer I } ? I : never;

export type TablesUpdate<TableName extends keyof DefaultSchema['Tables']> =
  DefaultSchema['Tables'][TableName] extends { Update: infer U } ? U : never;

export type Enums<EnumName extends keyof DefaultSchema['Enums']> = DefaultSchema['Enums'][EnumName];
`;

/** Reads the public schema and returns the file's full text. */
export async function generateTypes(db: Queryable): Promise<string> {
  // One after the other: a single pg.Client runs one query at a time.
  const relations = await db.query<RelationRow>(RELATIONS_SQL, [SCHEMA]);
  const columns = await db.query<ColumnRow>(COLUMNS_SQL, [SCHEMA]);
  const foreignKeys = await db.query<ForeignKeyRow>(FOREIGN_KEYS_SQL, [SCHEMA]);
  const enumRows = await db.query<EnumRow>(ENUMS_SQL, [SCHEMA]);
  const functions = await db.query<FunctionRow>(FUNCTIONS_SQL, [SCHEMA]);
  const enums = new Set(enumRows.rows.map((e) => e.enum_name));

  const tables: string[] = [];
  const views: string[] = [];
  for (const relation of relations.rows) {
    const isView = relation.kind === 'v' || relation.kind === 'm';
    const lines = tableBlock(
      relation.name,
      columns.rows.filter((c) => c.table_name === relation.name),
      foreignKeys.rows.filter((fk) => fk.table_name === relation.name),
      enums,
      isView,
      computedFields(relation.name, functions.rows, enums),
    );
    (isView ? views : tables).push(...lines);
  }

  const byName = new Map<string, FunctionRow[]>();
  for (const fn of functions.rows) {
    byName.set(fn.function_name, [...(byName.get(fn.function_name) ?? []), fn]);
  }
  const relationKinds = new Map(relations.rows.map((r) => [r.name, r.kind]));
  const rowColumns = (relation: string) => {
    const isView = relationKinds.get(relation) === 'v' || relationKinds.get(relation) === 'm';
    return columns.rows
      .filter((c) => c.table_name === relation)
      .map((c) => {
        const ts = columnType(c, enums);
        return `${key(c.column_name)}: ${!c.not_null || isView ? `${ts} | null` : ts};`;
      });
  };
  const functionLines = [...byName.entries()].flatMap(([name, overloads]) => {
    const body = functionBlock(overloads, enums, rowColumns);
    if (!body[0]?.startsWith('|')) return block(`${key(name)}:`, body);
    const last = body.length - 1;
    return [`${key(name)}:`, ...indent(body, 1).map((line, i) => (i === last ? `${line};` : line))];
  });

  const enumLines = enumRows.rows.map(
    (e) => `${key(e.enum_name)}: ${e.labels.map((label) => quote(label)).join(' | ')};`,
  );

  const schema = [
    ...block('Tables:', tables),
    ...block('Views:', views),
    ...block('Functions:', functionLines),
    ...block('Enums:', enumLines),
    ...block('CompositeTypes:', []),
  ];
  const database = [
    'export type Database = {',
    '  // Which PostgREST the API runs (the local stack and hosted Supabase both run 12).',
    '  __InternalSupabase: {',
    "    PostgrestVersion: '12';",
    '  };',
    ...indent(block('public:', schema), 1),
    '};',
  ];
  return `${HEADER}\n${database.join('\n')}\n${HELPERS}`;
}

async function defaultDbUrl(): Promise<string> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const stackFile = path.join(repoRoot, '.local', 'stack.json');
  try {
    const info: unknown = JSON.parse(await readFile(stackFile, 'utf8'));
    if (typeof info === 'object' && info !== null && 'dbUrl' in info) {
      const { dbUrl } = info;
      if (typeof dbUrl === 'string') return dbUrl;
    }
  } catch {
    // Fall through to the error below.
  }
  throw new Error(
    'no database to read: pass --db-url postgres://…, set DATABASE_URL, or start the local stack (npm run stack)',
  );
}

function parseArgs(argv: string[]): { dbUrl?: string; out: string; check: boolean } {
  let dbUrl: string | undefined;
  let out = DEFAULT_TYPES_FILE;
  let check = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const next = argv[i + 1];
    if (arg === '--db-url' && next) {
      dbUrl = next;
      i += 1;
    } else if (arg === '--out' && next) {
      out = path.resolve(next);
      i += 1;
    } else if (arg === '--check') {
      check = true;
    } else {
      throw new Error(
        `unknown argument ${arg ?? ''} (expected --db-url <url>, --out <file>, --check)`,
      );
    }
  }
  return dbUrl === undefined ? { out, check } : { dbUrl, out, check };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const client = new pg.Client({ connectionString: args.dbUrl ?? (await defaultDbUrl()) });
  await client.connect();
  try {
    const text = await generateTypes(client);
    if (args.check) {
      const current = await readFile(args.out, 'utf8').catch(() => '');
      if (current !== text) {
        console.error(`${path.relative(repoRoot, args.out)} is out of date: run npm run gen:types`);
        process.exitCode = 1;
      }
      return;
    }
    await writeFile(args.out, text);
    console.error(`wrote ${path.relative(repoRoot, args.out)}`);
  } finally {
    await client.end();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
