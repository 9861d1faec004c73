import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "build/**",
      "node_modules/**",
      ".cache/**",
      "extensions/**/assets/**",
      "extensions/**/dist/**",
      // Written by Shopify CLI (the `shopify` global's types); check:shopify keeps it current.
      "extensions/**/shopify.d.ts",
      "simulator/public/**",
      // Written by Shopify's codegen preset (npm run codegen); checked by npm run codegen:check.
      "app/types/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-assertions": [
        "error",
        { assertionStyle: "as", objectLiteralTypeAssertions: "never" },
      ],
      "no-console": ["error", { allow: ["error", "warn"] }],
    },
  },
  {
    // The app runs against real Shopify: nothing it ships may depend on the simulator. Tests and
    // test support may drive the simulator, as a stand-in for Shopify.
    files: ["app/**", "extensions/**", "contracts/**"],
    ignores: ["**/*.test.ts", "**/*.test.tsx", "**/*.test-support.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "**/simulator",
                "**/simulator/**",
                "@delay-desk/simulator",
                "@delay-desk/simulator/**",
              ],
              message: "The app must not import the simulator; share a type through contracts/.",
            },
          ],
        },
      ],
    },
  },
  {
    // The simulator plays Shopify: it may know the contracts the app and Shopify share (contracts/,
    // and the checkout Function it runs as Shopify would), never the app's own code, or a wrong
    // assumption in the app would be copied into its judge. It is its own workspace package
    // (simulator/package.json): simulator/package-boundary.test.ts checks that it reaches outside
    // its folder only through the packages it declares.
    files: ["simulator/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/app", "**/app/**"],
              message: "The simulator may import only contracts/ and extensions/; not app/.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["contracts/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/app/**", "**/simulator/**"],
              message: "contracts/ depends on nothing of ours.",
            },
          ],
        },
      ],
    },
  },
  {
    // Command-line scripts report to the terminal by design.
    files: ["scripts/**", "simulator/cli.ts", "tests/**"],
    rules: { "no-console": "off" },
  },
);
