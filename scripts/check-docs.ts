// Fails when a public symbol (anything exported from a package entry) has no doc comment.
import ts from 'typescript';

const entries = ['src/index.ts', 'src/node.ts', 'src/ffmpeg.ts', 'src/ffmpeg-browser.ts'].filter((f) => ts.sys.fileExists(f));
const config = ts.getParsedCommandLineOfConfigFile('tsconfig.build.json', {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
const program = ts.createProgram(entries, config.options);
const checker = program.getTypeChecker();
const missing: string[] = [];
for (const entry of entries) {
  const source = program.getSourceFile(entry)!;
  const moduleSymbol = checker.getSymbolAtLocation(source)!;
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const documented = symbol.getDocumentationComment(checker).length > 0 || (symbol.declarations ?? []).some((d) => ts.getJSDocCommentsAndTags(d).length > 0);
    if (!documented) missing.push(`${entry}: ${exported.name}`);
  }
}
if (missing.length > 0) {
  console.error(`${missing.length} public symbols have no doc comment:\n  ${missing.join('\n  ')}`);
  process.exit(1);
}
console.log(`every public symbol of ${entries.join(', ')} has a doc comment`);
