"""Names: the sanitizing rules the generated code relies on."""

from __future__ import annotations

import keyword

import pydantic
import pytest
from sdkgen.ir.naming import (
    RESERVED_FIELD_NAMES,
    field_name,
    module_name,
    parameter_name,
    pascal_case,
    singular,
    snake_case,
)


def test_reserved_field_names_are_exactly_pydantics_public_methods() -> None:
    public = {
        name
        for name in dir(pydantic.BaseModel)
        if not name.startswith("_") and not name.startswith("model_") and callable(getattr(pydantic.BaseModel, name))
    }
    assert RESERVED_FIELD_NAMES == public


@pytest.mark.parametrize(
    ("wire", "python"),
    [
        ("DateSent<", "date_sent_before"),
        ("DateSent>", "date_sent_after"),
        ("StartTime>=", "start_time_on_or_after"),
        ("EndTime<=", "end_time_on_or_before"),
        ("hyphen-in-path", "hyphen_in_path"),
        ("filter[name]", "filter_name"),
        ("a.b", "a_b"),
        ("from", "from_"),
        ("2fa", "param_2fa"),
        ("PageSize", "page_size"),
        ("X-Request-ID", "x_request_id"),
        ("per_page", "per_page"),
        ("_private", "private"),
        ("json", "json"),
        ("<", "param"),
    ],
)
def test_parameter_names_are_snake_case_arguments(wire: str, python: str) -> None:
    name = parameter_name(wire)
    assert name == python
    assert name.isidentifier() and not keyword.iskeyword(name)


@pytest.mark.parametrize(
    ("wire", "python"),
    [
        ("from", "from_"),
        ("2fa", "field_2fa"),
        ("x-request-id", "x_request_id"),
        ("@type", "type"),
        ("model_name", "model_name_"),
        ("json", "json_"),
        ("_private", "field_private"),
        ("naïve", "naive"),
    ],
)
def test_field_names_are_identifiers_that_pydantic_accepts(wire: str, python: str) -> None:
    name = field_name(wire)
    assert name == python
    assert name.isidentifier() and not keyword.iskeyword(name) and not name.startswith("_")


@pytest.mark.parametrize(
    ("text", "pascal", "snake"),
    [
        ("APILinks", "APILinks", "api_links"),
        ("GPUInfo", "GPUInfo", "gpu_info"),
        ("NetworkV4", "NetworkV4", "network_v4"),
        ("droplet_next_backup_window", "DropletNextBackupWindow", "droplet_next_backup_window"),
        # A word of letters and digits stays whole (it used to become `a2_p`, `v1_beta`).
        ("a2p", "A2p", "a2p"),
        ("b2b", "B2b", "b2b"),
        ("e2e", "E2e", "e2e"),
        ("s3", "S3", "s3"),
        ("ec2", "Ec2", "ec2"),
        ("oauth2", "Oauth2", "oauth2"),
        ("v1beta", "V1beta", "v1beta"),
        ("A2P", "A2P", "a2p"),
        ("B2BMessaging", "B2BMessaging", "b2b_messaging"),
        ("a2p_brand", "A2pBrand", "a2p_brand"),
        ("oauth2Token", "Oauth2Token", "oauth2_token"),
        # ... but a capital still starts a word: `S3Bucket`, `IPv4Address`, `V2Droplets`.
        ("S3Bucket", "S3Bucket", "s3_bucket"),
        ("IPv4Address", "IPv4Address", "i_pv4_address"),
        ("V2Droplets", "V2Droplets", "v2_droplets"),
    ],
)
def test_class_and_module_names(text: str, pascal: str, snake: str) -> None:
    assert pascal_case(text) == pascal
    assert snake_case(text) == snake
    assert module_name(pascal) == snake


@pytest.mark.parametrize(
    ("plural", "one"),
    [("choices", "choice"), ("tool_calls", "tool_call"), ("policies", "policy"), ("status", "status"), ("v4", "v4")],
)
def test_array_items_are_named_in_the_singular(plural: str, one: str) -> None:
    assert singular(plural) == one
