"""The request bodies the API accepts, validated before anything is stored.

Strings stay strings: an object or a number sent as a title or an outlet is a 422, never
a Python repr in the ledger. Unknown fields are refused so that a typo is not silently
dropped.
"""

from __future__ import annotations

import json
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, Field, StrictStr, ValidationError, field_validator
from starlette.requests import Request

from ..errors import InvalidRequestBodyError
from .errors import validation_message


class DocumentIn(BaseModel):
    """One document to add: its text and what is known about it."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    text: StrictStr = Field(min_length=1, description="The article text (plain text).")
    title: StrictStr | None = Field(default=None, max_length=1000)
    outlet: StrictStr | None = Field(default=None, max_length=300)
    url: StrictStr | None = Field(default=None, max_length=2000)
    published: StrictStr | None = Field(default=None, description="Publication date, YYYY-MM-DD.", max_length=40)
    id: StrictStr | None = Field(default=None, max_length=300, description="Wanted id (one is made if absent).")
    story: StrictStr | None = Field(
        default=None, max_length=200, description="Pin the document to this story (an analyst's decision)."
    )


class MergeIn(BaseModel):
    """Two names of one source: `alias` is recorded as the same as `canonical`."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    alias: StrictStr = Field(min_length=1, max_length=300)
    canonical: StrictStr = Field(min_length=1, max_length=300)

    @field_validator("canonical")
    @classmethod
    def _different(cls, value: str, info) -> str:
        if value == info.data.get("alias"):
            raise ValueError("alias and canonical are the same name")
        return value


M = TypeVar("M", bound=BaseModel)

UPLOAD_SCHEMA = {
    "type": "object",
    "properties": {"file": {"type": "string", "format": "binary", "description": ".txt .md .html .jsonl .csv"}},
    "required": ["file"],
}


def request_body_doc(model: type[BaseModel], multipart: bool = False) -> dict:
    """An OpenAPI requestBody for a route that parses its own body."""
    content = {"application/json": {"schema": model.model_json_schema()}}
    if multipart:
        content["multipart/form-data"] = {"schema": UPLOAD_SCHEMA}
    return {"requestBody": {"required": True, "content": content}}


async def parse_json(request: Request, model: type[M]) -> M:
    """The body as `model`: UTF-8, JSON, an object of the right fields, else 422 with a
    message naming what is wrong. The body size is already limited while it streams."""
    body = await request.body()
    return parse_json_bytes(body, model)


def parse_json_bytes(body: bytes, model: type[M]) -> M:
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidRequestBodyError(f"the body is not UTF-8 (byte {exc.start})", hint="send UTF-8 JSON") from exc
    if not text.strip():
        raise InvalidRequestBodyError("the body is empty", hint="send a JSON object")
    try:
        payload = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidRequestBodyError(
            f"the body is not JSON ({exc.msg} at line {exc.lineno} column {exc.colno})", hint="send a JSON object"
        ) from exc
    except RecursionError as exc:
        raise InvalidRequestBodyError("the body nests too deeply", hint="send a flat JSON object") from exc
    try:
        return model.model_validate(payload)
    except ValidationError as exc:
        raise InvalidRequestBodyError(validation_message(exc.errors())) from exc
