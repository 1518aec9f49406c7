"""The weekly retraining of the newsroom's own moderation model, as a Django task.

Django's task framework runs tasks but does not schedule them: a daily cron job or
systemd timer runs ``newsroom moderation-train --if-due`` (or enqueues this task), and
the model is retrained when the live one is a week old and at least
RETRAIN_MIN_NEW_DECISIONS comments were decided since (training.retrain_due).
"""

from django.tasks import task

from newsroom.moderation.training import (
    TrainingRefused,
    moderation_model_train,
    retrain_due,
    site_decisions,
)


@task
def moderation_model_retrain() -> dict:
    """Retrain on the site's decisions if due; what happened, for the task's result."""
    reason = retrain_due()
    if reason is None:
        return {"retrained": False, "reason": "not due"}
    texts, labels = site_decisions()
    try:
        result = moderation_model_train(texts=texts, labels=labels, source="site decisions")
    except TrainingRefused as error:
        return {"retrained": False, "reason": str(error)}
    return {"retrained": True, "reason": reason, "cv_auc": result.model.info["cv_auc"]}
