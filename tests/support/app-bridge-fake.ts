// App Bridge as a component test meets it: `window.shopify`, which Shopify's script defines in the
// admin (outside the project, so faked here). Only what the app calls, each as Shopify documents
// it: resourcePicker resolves to the picked resources, or to undefined when the merchant cancels
// (https://shopify.dev/docs/api/app-home/apis/user-interface-and-interactions/resource-picker-api).
// The merchant's choice is scripted per call with `answerNextPicker`.

export interface PickerCall {
  type: string;
  action: string | undefined;
  multiple: boolean | number | undefined;
  selectionIds: string[];
}

/** What a picked record carries that the app reads: a variant's displayName, a product's variants. */
interface PickedResource {
  id: string;
  title: string;
  displayName?: string;
  variants?: { id: string }[];
}

export interface AppBridgeFake {
  pickerCalls: PickerCall[];
  /** What the merchant picks the next time the picker opens; `undefined` = Cancel. */
  answerNextPicker(picked: PickedResource[] | undefined): void;
}

export function installAppBridgeFake(): AppBridgeFake {
  const pickerCalls: PickerCall[] = [];
  const answers: (PickedResource[] | undefined)[] = [];
  const resourcePicker = (options: {
    type: string;
    action?: string;
    multiple?: boolean | number;
    selectionIds?: { id: string }[];
  }) => {
    pickerCalls.push({
      type: options.type,
      action: options.action,
      multiple: options.multiple,
      selectionIds: (options.selectionIds ?? []).map((s) => s.id),
    });
    if (answers.length === 0) throw new Error("the test did not say what the merchant picks");
    const picked = answers.shift();
    return Promise.resolve(picked === undefined ? undefined : [...picked]);
  };
  Object.defineProperty(window, "shopify", {
    value: { resourcePicker },
    configurable: true,
    writable: true,
  });
  return { pickerCalls, answerNextPicker: (picked) => answers.push(picked) };
}
