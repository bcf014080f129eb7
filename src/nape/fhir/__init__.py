"""FHIR R4 export and the CDS Hooks service logic.

Example::

    from nape.fhir import interview_bundle
    bundle = interview_bundle(start("stiff neck and a fever"))   # a FHIR Bundle as JSON
"""

from nape.fhir.bundle import assessment_bundle, interview_bundle

__all__ = ["assessment_bundle", "interview_bundle"]
