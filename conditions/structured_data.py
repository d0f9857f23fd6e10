"""The condition and route pages' schema.org nodes, built from the graph helpers of domain.structured_data."""

from domain.structured_data import Absolute, medical_web_page

from .models import DoseBasis


def _person(person):
    if person is None:
        return None
    return {"@type": "Person", "name": person.name_with_credentials}


def therapy_reference(route, absolute: Absolute) -> dict:
    return {
        "@type": "MedicalTherapy",
        "@id": absolute(route.get_absolute_url()) + "#therapy",
        "name": route.name,
    }


def condition_nodes(condition, routes, absolute: Absolute) -> list[dict]:
    """Return the condition's MedicalWebPage and MedicalCondition (with possibleTreatment)."""
    url = condition.get_absolute_url()
    node = {
        "@type": "MedicalCondition",
        "@id": absolute(url) + "#condition",
        "name": condition.name,
        "url": absolute(url),
        "description": condition.summary,
        "possibleTreatment": [therapy_reference(route, absolute) for route in routes],
    }
    page = medical_web_page(
        url,
        condition.name,
        condition.summary,
        node["@id"],
        absolute,
        last_reviewed=condition.last_reviewed,
        about={"@id": node["@id"]},
        specialty="Psychiatric",
        reviewedBy=_person(condition.reviewer),
    )
    return [page, node]


def route_nodes(route, contraindications, absolute: Absolute) -> list[dict]:
    """Return the route's MedicalWebPage and MedicalTherapy: drug, dose, contraindications, followup."""
    url = route.get_absolute_url()
    unit = f"{route.dose_unit}/kg" if route.dose_basis == DoseBasis.PER_KG else route.dose_unit
    dose = {"@type": "DoseSchedule", "doseUnit": unit, "frequency": route.schedule_induction}
    dose["doseValue"] = float(route.dose_min)
    if route.dose_max != route.dose_min:
        dose["doseValue"] = f"{float(route.dose_min):g}-{float(route.dose_max):g}"
    therapy = {
        **therapy_reference(route, absolute),
        "url": absolute(url),
        "description": route.summary,
        "drug": {
            "@type": "Drug",
            "name": route.medication,
            "administrationRoute": route.route_of_administration or route.short_name,
            "prescriptionStatus": "https://schema.org/PrescriptionOnly",
            "legalStatus": route.get_regulatory_status_display(),
            "doseSchedule": dose,
        },
        "howPerformed": f"{route.session_length}. {route.setting}. Monitoring: {route.monitoring}.",
        "followup": route.observation_period,
        "contraindication": [
            {
                "@type": "MedicalContraindication",
                "name": contraindication.name,
                "description": contraindication.explanation,
                "additionalType": contraindication.get_kind_display(),
            }
            for contraindication in contraindications
        ],
    }
    page = medical_web_page(
        url,
        route.name,
        route.summary,
        therapy["@id"],
        absolute,
        last_reviewed=route.last_reviewed,
        about={"@id": therapy["@id"]},
    )
    return [page, therapy]
