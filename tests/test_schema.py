"""The generated JSON Schema accepts what the library writes and rejects what it refuses."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings

import opengov
import opengov.standards
from opengov.cli.main import main
from opengov.io.schema import json_schema
from opengov.model import ActionPlan, Commitment, Completion, Contact
from opengov.model.describe import describe
from opengov.testing import action_plans


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json_schema("action_plan")
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_bundled_plan_is_valid(validator: jsonschema.Draft202012Validator) -> None:
    document = json.loads(opengov.dump(opengov.datasets.load("fr-2018-2020")) or "")
    assert list(validator.iter_errors(document)) == []


def test_standard_sets_are_valid() -> None:
    validator = jsonschema.Draft202012Validator(json_schema("standard_set"))
    for name in opengov.standards.names():
        document = json.loads(opengov.dump(opengov.standards.load(name)) or "")
        assert list(validator.iter_errors(document)) == []


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(action_plans(max_commitments=3))
def test_generated_plans_are_valid(plan: ActionPlan) -> None:
    schema = json_schema("action_plan")
    jsonschema.validate(json.loads(opengov.dump(plan) or ""), schema)


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.update(title=5),
        lambda d: d.update(colour="blue"),
        lambda d: d["commitments"][0].update(completion="Achevé"),
        lambda d: d["commitments"][0].update(period="2021-13"),
        lambda d: d.pop("id"),
        lambda d: d.update(kind="budget"),
    ],
)
def test_schema_rejects_what_the_loader_rejects(
    validator: jsonschema.Draft202012Validator, change: Any
) -> None:
    document = json.loads(opengov.dump(opengov.datasets.load("fr-2018-2020")) or "")
    change(document)
    assert list(validator.iter_errors(document))
    with pytest.raises(opengov.LoadError):
        opengov.load(json.dumps(document))


def test_schema_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert "Commitment" in schema["$defs"]


def test_properties_carry_the_description_of_the_model() -> None:
    """Labels, meanings, required fields, references and personal data come from the model's
    description, field by field."""
    schema = json_schema("action_plan")
    for cls in (Commitment, Contact):
        definition = schema["$defs"][cls.__name__]
        info = describe(cls)
        assert list(definition["properties"]) == [field.name for field in info]
        assert definition.get("required", []) == [f.name for f in info if f.required]
        for field in info:
            found = definition["properties"][field.name]
            assert found["title"] == field.labels.en
            assert found["description"] == field.labels.doc
            references = field.references.__name__ if field.references else None
            assert found.get("x-references") == references, field.path
            assert found.get("x-personal-data", False) == field.personal, field.path
    commitment = schema["$defs"]["Commitment"]["properties"]
    assert commitment["lead_organisations"]["x-references"] == "Organisation"
    assert commitment["lead_organisations"]["items"] == {"type": "string"}
    assert schema["$defs"]["Contact"]["properties"]["email"]["x-personal-data"] is True
    assert schema["$defs"]["Contact"]["x-personal-data"] is True  # a contact's name is required
    assert "x-personal-data" not in schema["$defs"]["Organisation"]


def test_vocabularies_are_enums_of_their_codes() -> None:
    definition = json_schema("action_plan")["$defs"]["Completion"]
    assert definition["enum"] == [member.value for member in Completion]
    assert definition["title"] == "completion"
