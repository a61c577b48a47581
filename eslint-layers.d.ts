/** Types of eslint-layers.js (plain JS, read by ESLint itself). */
export interface Layer {
  name: string;
  files: string[];
  ignores?: string[];
  forbid: string[];
  pure?: boolean;
  message: string;
  example: string;
}
export declare const LAYERS: Layer[];
export declare const nodeBuiltins: string[];
