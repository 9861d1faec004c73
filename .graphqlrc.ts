// GraphQL tooling (editor, codegen) reads the schema from the repository, never from the network.
import { API_VERSION } from "./app/api-version";

export default {
  projects: {
    default: {
      schema: `./graphql/admin-${API_VERSION}.schema.json`,
      documents: ["./app/**/*.{ts,tsx}"],
    },
  },
};
