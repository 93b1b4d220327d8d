export interface Image {
  /**
   * A unique number that can be used to identify and reference a specific image.
   */
  readonly id?: number;
  /**
   * A time value given in ISO8601 combined date and time format that represents when the image was created.
   */
  created_at?: string;
  /**
   * An optional free-form text field to describe an image.
   */
  description?: string;
  /**
   * The name of a custom image's distribution. Currently, the valid values are `Arch Linux`, `CentOS`, `CoreOS`, `Debian`, `Fedora`, `Fedora Atomic`, `FreeBSD`, `Gentoo`, `openSUSE`, `RancherOS`, `Rocky Linux`, `Ubuntu`, and `Unknown`. Any other value will be accepted but ignored, and `Unknown` will be used in its place.
   */
  distribution?:
    | "Arch Linux"
    | "CentOS"
    | "CoreOS"
    | "Debian"
    | "Fedora"
    | "Fedora Atomic"
    | "FreeBSD"
    | "Gentoo"
    | "openSUSE"
    | "RancherOS"
    | "Rocky Linux"
    | "Ubuntu"
    | "Unknown";
  /**
   * A string containing information about errors that may occur when importing a custom image.
   */
  error_message?: string;
  /**
   * The minimum disk size in GB required for a Droplet to use this image.
   */
  min_disk_size?: number | null;
  /**
   * The display name that has been given to an image. This is what is shown in the control panel and is generally a descriptive title for the image in question.
   */
  name?: string;
  /**
   * This is a boolean value that indicates whether the image in question is public or not. An image that is public is available to all accounts. A non-public image is only accessible from your account.
   */
  public?: boolean;
  /**
   * This attribute is an array of the regions that the image is available in. The regions are represented by their identifying slug values.
   */
  regions?: Array<
    | "ams1"
    | "ams2"
    | "ams3"
    | "blr1"
    | "fra1"
    | "lon1"
    | "nyc1"
    | "nyc2"
    | "nyc3"
    | "sfo1"
    | "sfo2"
    | "sfo3"
    | "sgp1"
    | "tor1"
    | "syd1"
  >;
  /**
   * The size of the image in gigabytes.
   */
  size_gigabytes?: number | null;
  /**
   * A uniquely identifying string that is associated with each of the DigitalOcean-provided public images. These can be used to reference a public image as an alternative to the numeric id.
   */
  slug?: string | null;
  /**
   * A status string indicating the state of a custom image. This may be `NEW`, `available`, `pending`, `deleted`, or `retired`.
   */
  status?: "NEW" | "available" | "pending" | "deleted" | "retired";
  /**
   * A flat array of tag names as strings to be applied to the resource. Tag names may be for either existing or new tags.
   *
   * Requires `tag:create` scope.
   */
  tags?: string[] | null;
  /**
   * Describes the kind of image. It may be one of `base`, `snapshot`, `backup`, `custom`, or `admin`. Respectively, this specifies whether an image is a DigitalOcean base OS image, user-generated Droplet snapshot, automatically created Droplet backup, user-provided virtual machine image, or an image used for DigitalOcean managed resources (e.g. DOKS worker nodes).
   */
  type?: "base" | "snapshot" | "backup" | "custom" | "admin";
}
