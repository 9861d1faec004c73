// The demo storefront: renders the theme app extension's real Liquid for the simulator.
export {
  renderProductPage,
  type DemoProduct,
  type DemoVariant,
  type ProductPageInput,
} from "./product-page.js";
export { renderHomePage, renderCollectionPage, type ThemePageInput } from "./theme-pages.js";
export {
  readExtensionAsset,
  EXTENSION_DIR,
  BLOCK_NAMES,
  type BlockName,
} from "./extension-files.js";
export {
  renderAppBlock,
  resolveBlockSettings,
  DEFAULT_ASSET_BASE_URL,
  type RenderBlockInput,
} from "./render-block.js";
