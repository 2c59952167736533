/**
 * A server file that reads a value exported by a 'use client' module gets a client
 * reference instead of the value: `className={inputClass}` rendered the function's source
 * into the admin filters (issue 14). From a client module, server files may import
 * components (to render them) and types, nothing else.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const SOURCE = /\.(ts|tsx)$/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return SOURCE.test(entry.name) && !entry.name.endsWith('.test.ts') ? [relative] : [];
  });
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, fs.readFileSync(path.join(root, file), 'utf8'), ts.ScriptTarget.Latest, true);
}

function isClientModule(source: ts.SourceFile): boolean {
  const first = source.statements[0];
  return Boolean(first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) && first.expression.text === 'use client');
}

/** `@/components/x` → `components/x.tsx` (or .ts, or an index), when it is in the repo. */
function resolve(specifier: string, from: string): string | undefined {
  const base = specifier.startsWith('@/') ? specifier.slice(2) : specifier.startsWith('.') ? path.join(path.dirname(from), specifier) : undefined;
  if (!base) return undefined;
  return [`${base}.tsx`, `${base}.ts`, `${base}/index.tsx`, `${base}/index.ts`].find((candidate) => fs.existsSync(path.join(root, candidate)));
}

/** The value (not type) names a file imports or re-exports from each module. */
function valueImports(source: ts.SourceFile): Array<{ specifier: string; names: string[] }> {
  const found: Array<{ specifier: string; names: string[] }> = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      if (!clause || clause.isTypeOnly) continue;
      const names: string[] = [];
      if (clause.name) names.push(clause.name.text);
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) names.push(`* as ${bindings.name.text}`);
      if (bindings && ts.isNamedImports(bindings)) names.push(...bindings.elements.filter((e) => !e.isTypeOnly).map((e) => (e.propertyName ?? e.name).text));
      found.push({ specifier: statement.moduleSpecifier.text, names });
    }
    if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) && !statement.isTypeOnly) {
      const clause = statement.exportClause;
      const names = clause && ts.isNamedExports(clause) ? clause.elements.filter((e) => !e.isTypeOnly).map((e) => (e.propertyName ?? e.name).text) : ['*'];
      found.push({ specifier: statement.moduleSpecifier.text, names });
    }
  }
  return found;
}

/** Components are what a server file may take from a client module: it renders them. */
const isComponentName = (name: string) => /^[A-Z][A-Za-z0-9]*$/.test(name) && !/^[A-Z0-9_]+$/.test(name);

/** Every value a file without 'use client' reads from a 'use client' module, other than a component. */
export function clientValuesReadByServerFiles(files: string[]): string[] {
  const clientModules = new Set(files.filter((file) => isClientModule(parse(file))));
  return files
    .filter((file) => !clientModules.has(file))
    .flatMap((file) =>
      valueImports(parse(file)).flatMap(({ specifier, names }) => {
        const target = resolve(specifier, file);
        if (!target || !clientModules.has(target)) return [];
        return names.filter((name) => !isComponentName(name)).map((name) => `${file} reads ${name} from the client module ${target}`);
      }),
    );
}

describe('the server/client boundary of app/ and components/', () => {
  const files = [...sourceFiles('app'), ...sourceFiles('components')];

  it('finds the client modules it checks against', () => {
    expect(files).toContain('components/admin/form-controls.tsx');
    expect(files.filter((file) => isClientModule(parse(file))).length).toBeGreaterThan(10);
  });

  it('has no server file reading a value (not a type, not a component) exported by a client module', () => {
    expect(clientValuesReadByServerFiles(files)).toEqual([]);
  });

  it('catches the mistake it guards against', () => {
    const dir = fs.mkdtempSync(path.join(root, '.boundary-test-'));
    const relative = path.relative(root, dir);
    try {
      fs.writeFileSync(path.join(dir, 'styles.tsx'), "'use client';\nexport const inputClass = 'border';\nexport function Input() { return null; }\n");
      fs.writeFileSync(path.join(dir, 'page.tsx'), "import { Input, inputClass, type Unused } from './styles';\nexport default function Page() { return inputClass; }\n");
      expect(clientValuesReadByServerFiles([`${relative}/styles.tsx`, `${relative}/page.tsx`])).toEqual([`${relative}/page.tsx reads inputClass from the client module ${relative}/styles.tsx`]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
