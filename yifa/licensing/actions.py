from yifa.core.procedure import Action, Actions

from . import forms, views
from .access import access_application, access_certificate, access_check, access_item
from .flows import APPLICATIONS, CERTIFICATES, ITEMS, PROMISE_CHECKS
from .promise import standard_text

ITEM_ACTIONS = Actions(
    ITEMS,
    [
        Action("publish"),
        Action("withdraw", form=forms.ReasonForm),
        Action(
            "set_promise",
            form=forms.PromiseForm,
            initial=lambda item: {
                "allowed": item.promise_allowed,
                "text": item.promise_text
                or standard_text(name=item.name, conditions=item.conditions, materials=item.materials),
            },
        ),
    ],
    url="licensing:item_act",
    access=access_item,
    page=views.item_page,
)

APPLICATION_ACTIONS = Actions(
    APPLICATIONS,
    [
        Action("request_correction", form=forms.CorrectionForm),
        Action("receive_correction"),
        Action("accept", done=lambda app: f"已受理，受理凭证{app.voucher_number}"),
        Action("not_accept", form=forms.ReasonForm),
        Action("report_preliminary"),
        Action("extend", form=forms.ExtendForm),
        Action("exclude", form=forms.ExcludeForm),
        Action("end_exclusion"),
        Action("tell_hearing_rights"),
        Action("request_hearing"),
        Action("hold_hearing", form=forms.HearingForm),
        Action("grant", form=forms.GrantForm),
        Action("refuse", form=forms.RefuseForm),
        Action(
            "grant_on_promise",
            form=forms.GrantOnPromiseForm,
            done=lambda app: f"已依告知承诺当场作出准予许可决定{app.decision_number}",
        ),
        Action("revoke_grant", form=forms.ReasonForm),
        Action("issue", form=forms.IssueForm),
    ],
    url="licensing:application_act",
    access=access_application,
    page=views.application_page,
)

CERTIFICATE_ACTIONS = Actions(
    CERTIFICATES,
    [
        Action("apply_renewal"),
        Action("renew", form=forms.RenewForm),
        Action("refuse_renewal", form=forms.ReasonForm),
        Action("revoke", form=forms.RevokeForm),
        Action("deregister", form=forms.DeregisterForm),
    ],
    url="licensing:certificate_act",
    access=access_certificate,
    page=views.certificate_page,
)

CHECK_ACTIONS = Actions(
    PROMISE_CHECKS,
    [Action("find_kept", form=forms.FindingsForm), Action("find_false", form=forms.FalsePromiseForm)],
    url="licensing:check_act",
    access=access_check,
    many=True,
)
