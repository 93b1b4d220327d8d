"""Response bodies the fake server sends: shaped like the API's, written for these tests."""

from __future__ import annotations

from typing import Any

ERROR_IDS = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    409: "conflict",
    422: "unprocessable_entity",
    429: "too_many_requests",
    500: "server_error",
    503: "service_unavailable",
}


def error(status: int) -> dict[str, Any]:
    return {
        "id": ERROR_IDS.get(status, "error"),
        "message": f"fake error {status}",
        "request_id": "4d9d8375-3c56-4925-a3e7-eed06aa8cd96",
    }


def region(slug: str) -> dict[str, Any]:
    return {
        "name": f"Region {slug}",
        "slug": slug,
        "features": ["backups", "ipv6"],
        "available": True,
        "sizes": ["s-1vcpu-1gb"],
    }


def size(slug: str) -> dict[str, Any]:
    return {
        "slug": slug,
        "memory": 1024,
        "vcpus": 1,
        "disk": 25,
        "transfer": 1.0,
        "price_monthly": 5.0,
        "price_hourly": 0.00743999984115362,
        "regions": ["nyc1", "ams3"],
        "available": True,
        "description": "Basic",
    }


def image(image_id: int) -> dict[str, Any]:
    return {
        "id": image_id,
        "name": "24.04 (LTS) x64",
        "distribution": "Ubuntu",
        "slug": "ubuntu-24-04-x64",
        "public": True,
        "regions": ["nyc1"],
        "created_at": "2024-04-25T10:34:19Z",
        "type": "base",
        "min_disk_size": 7,
        "size_gigabytes": 2.34,
        "status": "available",
    }


def droplet(droplet_id: int) -> dict[str, Any]:
    return {
        "id": droplet_id,
        "name": f"web-{droplet_id:02d}",
        "memory": 1024,
        "vcpus": 1,
        "disk": 25,
        "locked": False,
        "status": "active",
        "created_at": "2020-07-21T18:37:44Z",
        "features": ["monitoring", "ipv6"],
        "backup_ids": [],
        "next_backup_window": None,
        "snapshot_ids": [],
        "image": image(7555620),
        "volume_ids": [],
        "size": size("s-1vcpu-1gb"),
        "size_slug": "s-1vcpu-1gb",
        "networks": {
            "v4": [{"ip_address": "10.128.192.124", "netmask": "255.255.0.0", "gateway": "nil", "type": "private"}],
            "v6": [],
        },
        "region": region("nyc3"),
        "tags": ["web"],
        "vpc_uuid": "760e09ef-dc84-11e8-981e-3cfdfeaae000",
    }


def snapshot(snapshot_id: str) -> dict[str, Any]:
    return {
        "id": snapshot_id,
        "name": "web-01-1595954862243",
        "created_at": "2020-07-28T16:47:44Z",
        "regions": ["nyc3"],
        "resource_id": "200776916",
        "resource_type": "droplet",
        "min_disk_size": 25,
        "size_gigabytes": 2.34,
        "tags": ["web"],
    }


def action(action_id: int) -> dict[str, Any]:
    return {
        "id": action_id,
        "status": "completed",
        "type": "create",
        "started_at": "2020-11-14T16:29:21Z",
        "completed_at": "2020-11-14T16:30:06Z",
        "resource_id": 3164444,
        "resource_type": "droplet",
        "region_slug": "nyc3",
    }


def vpc_peering() -> dict[str, Any]:
    return {
        "id": "5a4981aa-9653-4bd1-bef5-d6bff52042e4",
        "name": "nyc1-blr1-peering",
        "vpc_ids": ["c140286f-e6ce-4131-8b7b-df4590ce8d6a", "994a2735-dc84-11e8-b8a5-3cfdfeaae000"],
        "created_at": "2020-03-13T19:20:47.442049222Z",
        "status": "ACTIVE",
    }


def garbage_collection() -> dict[str, Any]:
    return {
        "uuid": "eff0feee-49c7-4e8f-ba5c-a320c109c8a8",
        "registry_name": "example",
        "status": "requested",
        "created_at": "2020-10-30T21:03:24Z",
        "updated_at": "2020-10-30T21:03:44Z",
        "blobs_deleted": 42,
        "freed_bytes": 667,
    }


def subscription() -> dict[str, Any]:
    return {
        "tier": {"name": "Basic", "slug": "basic", "included_repositories": 5, "included_storage_bytes": 5368709120},
        "created_at": "2020-01-23T21:19:12Z",
        "updated_at": "2020-11-05T15:53:24Z",
    }


def chunk(text: str, finish: str | None = None) -> dict[str, Any]:
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion.chunk",
        "created": 1677652288,
        "model": "llama3.3-70b-instruct",
        "choices": [{"index": 0, "delta": {"role": "assistant", "content": text}, "finish_reason": finish}],
    }


def completion(text: str) -> dict[str, Any]:
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": 1677652288,
        "model": "llama3.3-70b-instruct",
        "choices": [
            {"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": text, "refusal": None}}
        ],
        "usage": {"prompt_tokens": 9, "completion_tokens": 2, "total_tokens": 11},
    }
