export interface DropletNextBackupWindow {
  /**
   * A time value given in ISO8601 combined date and time format specifying the end of the Droplet's backup window.
   */
  end?: string;
  /**
   * A time value given in ISO8601 combined date and time format specifying the start of the Droplet's backup window.
   */
  start?: string;
}
