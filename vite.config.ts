import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig, type Plugin } from "vite";

// The server build gets a second entry beside Remix's request handler: the composition root
// (app/services.server.ts). Both entries share one module graph, so the host that serves the build
// (scripts/app-server.ts) starts the very services the routes use.
const SERVICES_ENTRY = "app/services.server.ts";
function servicesEntry(): Plugin {
  return {
    name: "delay-desk-services-entry",
    config(_config, env) {
      if (!env.isSsrBuild) return;
      return {
        build: {
          rollupOptions: {
            input: { index: "virtual:remix/server-build", services: SERVICES_ENTRY },
            output: { entryFileNames: "[name].js" },
          },
        },
      };
    },
  };
}

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  server: { port: Number(process.env.PORT ?? 3000) },
  plugins: [
    remix({
      ignoredRouteFiles: ["**/.*", "**/*.test.*"],
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_lazyRouteDiscovery: true,
        v3_singleFetch: true,
      },
    }),
    servicesEntry(),
  ],
  build: { assetsInlineLimit: 0 },
});
