import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import importX from "eslint-plugin-import-x";

// The architecture in ../shared/STYLE.md §1, enforced: who may import whom.
const boundaries = {
  files: ["**/*.{ts,tsx,mjs}"],
  plugins: { "import-x": importX },
  settings: { "import-x/resolver": { typescript: true, node: true } },
  rules: {
    "import-x/no-restricted-paths": [
      "error",
      {
        zones: [
          { target: "./lib", from: ["./app", "./components", "./worker"], message: "lib/ must not depend on the app, components or the worker." },
          { target: "./components", from: "./app", message: "Pages pass what components need as props." },
          { target: "./worker", from: ["./app", "./components", "./lib/web", "./lib/queries"], message: "The worker uses lib/ only (not lib/web or lib/queries)." },
          { target: "./components/ui", from: "./lib", except: ["./utils.ts"], message: "UI primitives hold no data and no rules." },
          { target: "./components/ui", from: "./components", except: ["./ui"], message: "UI primitives hold no data and no rules." },
        ],
      },
    ],
  },
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  boundaries,
  {
    files: ["app/**", "components/**", "lib/**", "worker/**"],
    ignores: ["lib/env.ts"],
    rules: {
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read settings through lib/env.ts." }],
    },
  },
  {
    files: ["app/**", "components/**", "lib/**", "worker/**", "scripts/**", "tests/**"],
    ignores: ["lib/db.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["**/generated/**"], message: "Only lib/db.ts builds a Prisma client; import types and enums from @/lib/db." }] }],
    },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  globalIgnores([".next/**", "generated/**", "dist/**", "node_modules/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "data/**"]),
]);
