export interface Vram {
  /**
   * The amount of VRAM allocated to the GPU.
   */
  amount?: number;
  /**
   * The unit of measure for the VRAM.
   */
  unit?: string;
}

/**
 * An object containing information about the GPU capabilities of Droplets created with this size.
 */
export interface GPUInfo {
  /**
   * The number of GPUs allocated to the Droplet.
   */
  count?: number;
  /**
   * The model of the GPU.
   */
  model?: string;
  vram?: Vram;
}
