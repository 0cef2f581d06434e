"""complaints and wage-arrears recovery (劳动保障监察投诉/举报)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('complaint',
    sa.Column('number', sa.String(length=100), nullable=False),
    sa.Column('case_no', sa.String(length=100), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('received_by', sa.String(length=100), nullable=False),
    sa.Column('complainant_id', sa.Integer(), nullable=True),
    sa.Column('anonymous', sa.Boolean(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=True),
    sa.Column('matters', sa.Text(), nullable=False),
    sa.Column('requests', sa.Text(), nullable=False),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('decision_ground', sa.Text(), nullable=True),
    sa.Column('redirected_to', sa.String(length=200), nullable=True),
    sa.Column('filed_on', sa.Date(), nullable=True),
    sa.Column('extension_days', sa.Integer(), nullable=False),
    sa.Column('extension_approved_by', sa.String(length=100), nullable=True),
    sa.Column('disposal_method', sa.String(length=16), nullable=True),
    sa.Column('responsible_department', sa.String(length=200), nullable=True),
    sa.Column('rectification_no', sa.String(length=100), nullable=True),
    sa.Column('rectification_ordered_on', sa.Date(), nullable=True),
    sa.Column('rectification_due', sa.Date(), nullable=True),
    sa.Column('decision_kind', sa.String(length=16), nullable=True),
    sa.Column('decision_no', sa.String(length=100), nullable=True),
    sa.Column('decision_issued_on', sa.Date(), nullable=True),
    sa.Column('publish_required', sa.Boolean(), nullable=False),
    sa.Column('published_on', sa.Date(), nullable=True),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('closure_kind', sa.String(length=16), nullable=True),
    sa.Column('close_reason', sa.Text(), nullable=True),
    sa.Column('decision_due', sa.Date(), nullable=True),
    sa.Column('investigation_due', sa.Date(), nullable=True),
    sa.Column('deadline_calendar', sa.String(length=64), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['complainant_id'], ['party.id'], name=op.f('fk_complaint_complainant_id_party')),
    sa.ForeignKeyConstraint(['project_id'], ['construction_project.id'], name=op.f('fk_complaint_project_id_construction_project')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaint')),
    sa.UniqueConstraint('case_no', name=op.f('uq_complaint_case_no')),
    sa.UniqueConstraint('decision_no', name=op.f('uq_complaint_decision_no')),
    sa.UniqueConstraint('number', name=op.f('uq_complaint_number')),
    sa.UniqueConstraint('rectification_no', name=op.f('uq_complaint_rectification_no'))
    )
    with op.batch_alter_table('complaint', schema=None) as batch_op:
        batch_op.create_index('ix_complaint_channel_received_on_id', ['channel', 'received_on', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_complaint_complainant_id'), ['complainant_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_complaint_project_id'), ['project_id'], unique=False)
        batch_op.create_index('ix_complaint_received_on_id', ['received_on', 'id'], unique=False)
        batch_op.create_index('ix_complaint_status_received_on_id', ['status', 'received_on', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_complaint_uuid'), ['uuid'], unique=True)

    op.create_table('complaint_employer',
    sa.Column('complaint_id', sa.Integer(), nullable=False),
    sa.Column('party_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=24), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['complaint_id'], ['complaint.id'], name=op.f('fk_complaint_employer_complaint_id_complaint'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['party_id'], ['party.id'], name=op.f('fk_complaint_employer_party_id_party')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaint_employer')),
    sa.UniqueConstraint('complaint_id', 'party_id', name=op.f('uq_complaint_employer_complaint_id_party_id'))
    )
    with op.batch_alter_table('complaint_employer', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_complaint_employer_complaint_id'), ['complaint_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_complaint_employer_party_id'), ['party_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_complaint_employer_uuid'), ['uuid'], unique=True)

    op.create_table('complaint_event',
    sa.Column('complaint_id', sa.Integer(), nullable=False),
    sa.Column('occurred_on', sa.Date(), nullable=False),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('from_status', sa.String(length=24), nullable=True),
    sa.Column('to_status', sa.String(length=24), nullable=True),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.Column('officers', sa.String(length=300), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['complaint_id'], ['complaint.id'], name=op.f('fk_complaint_event_complaint_id_complaint'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaint_event'))
    )
    with op.batch_alter_table('complaint_event', schema=None) as batch_op:
        batch_op.create_index('ix_complaint_event_complaint_date', ['complaint_id', 'occurred_on', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_complaint_event_complaint_id'), ['complaint_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_complaint_event_uuid'), ['uuid'], unique=True)

    op.create_table('complaint_evidence',
    sa.Column('complaint_id', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('size', sa.BigInteger(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('added_on', sa.Date(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['complaint_id'], ['complaint.id'], name=op.f('fk_complaint_evidence_complaint_id_complaint'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaint_evidence'))
    )
    with op.batch_alter_table('complaint_evidence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_complaint_evidence_complaint_id'), ['complaint_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_complaint_evidence_sha256'), ['sha256'], unique=False)
        batch_op.create_index(batch_op.f('ix_complaint_evidence_uuid'), ['uuid'], unique=True)

    op.create_table('complaint_legal_review',
    sa.Column('complaint_id', sa.Integer(), nullable=False),
    sa.Column('reviewer_id', sa.Integer(), nullable=False),
    sa.Column('decision_kind', sa.String(length=16), nullable=False),
    sa.Column('opinion', sa.String(length=16), nullable=False),
    sa.Column('reviewed_on', sa.Date(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['complaint_id'], ['complaint.id'], name=op.f('fk_complaint_legal_review_complaint_id_complaint'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['reviewer_id'], ['officer.id'], name=op.f('fk_complaint_legal_review_reviewer_id_officer')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaint_legal_review'))
    )
    with op.batch_alter_table('complaint_legal_review', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_complaint_legal_review_complaint_id'), ['complaint_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_complaint_legal_review_reviewer_id'), ['reviewer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_complaint_legal_review_uuid'), ['uuid'], unique=True)

    op.create_table('complaint_officer',
    sa.Column('complaint_id', sa.Integer(), nullable=False),
    sa.Column('officer_id', sa.Integer(), nullable=False),
    sa.Column('lead', sa.Boolean(), nullable=False),
    sa.Column('assigned_on', sa.Date(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['complaint_id'], ['complaint.id'], name=op.f('fk_complaint_officer_complaint_id_complaint'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['officer_id'], ['officer.id'], name=op.f('fk_complaint_officer_officer_id_officer')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaint_officer')),
    sa.UniqueConstraint('complaint_id', 'officer_id', name=op.f('uq_complaint_officer_complaint_id_officer_id'))
    )
    with op.batch_alter_table('complaint_officer', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_complaint_officer_complaint_id'), ['complaint_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_complaint_officer_officer_id'), ['officer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_complaint_officer_uuid'), ['uuid'], unique=True)

    op.create_table('complaint_worker',
    sa.Column('complaint_id', sa.Integer(), nullable=False),
    sa.Column('party_id', sa.Integer(), nullable=False),
    sa.Column('owed_fen', sa.BigInteger(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['complaint_id'], ['complaint.id'], name=op.f('fk_complaint_worker_complaint_id_complaint'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['party_id'], ['party.id'], name=op.f('fk_complaint_worker_party_id_party')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaint_worker')),
    sa.UniqueConstraint('complaint_id', 'party_id', name=op.f('uq_complaint_worker_complaint_id_party_id'))
    )
    with op.batch_alter_table('complaint_worker', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_complaint_worker_complaint_id'), ['complaint_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_complaint_worker_party_id'), ['party_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_complaint_worker_uuid'), ['uuid'], unique=True)

    op.create_table('payment_instalment',
    sa.Column('complaint_id', sa.Integer(), nullable=False),
    sa.Column('worker_id', sa.Integer(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('amount_fen', sa.BigInteger(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['complaint_id'], ['complaint.id'], name=op.f('fk_payment_instalment_complaint_id_complaint'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['worker_id'], ['complaint_worker.id'], name=op.f('fk_payment_instalment_worker_id_complaint_worker'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_payment_instalment'))
    )
    with op.batch_alter_table('payment_instalment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_payment_instalment_complaint_id'), ['complaint_id'], unique=False)
        batch_op.create_index('ix_payment_instalment_due_on', ['due_on', 'worker_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_payment_instalment_uuid'), ['uuid'], unique=True)
        batch_op.create_index(batch_op.f('ix_payment_instalment_worker_id'), ['worker_id'], unique=False)

    op.create_table('wage_payment',
    sa.Column('complaint_id', sa.Integer(), nullable=False),
    sa.Column('worker_id', sa.Integer(), nullable=False),
    sa.Column('paid_on', sa.Date(), nullable=False),
    sa.Column('amount_fen', sa.BigInteger(), nullable=False),
    sa.Column('method', sa.String(length=50), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['complaint_id'], ['complaint.id'], name=op.f('fk_wage_payment_complaint_id_complaint'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['worker_id'], ['complaint_worker.id'], name=op.f('fk_wage_payment_worker_id_complaint_worker'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_wage_payment'))
    )
    with op.batch_alter_table('wage_payment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_wage_payment_complaint_id'), ['complaint_id'], unique=False)
        batch_op.create_index('ix_wage_payment_paid_on', ['paid_on', 'worker_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_wage_payment_uuid'), ['uuid'], unique=True)
        batch_op.create_index(batch_op.f('ix_wage_payment_worker_id'), ['worker_id'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('wage_payment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_wage_payment_worker_id'))
        batch_op.drop_index(batch_op.f('ix_wage_payment_uuid'))
        batch_op.drop_index('ix_wage_payment_paid_on')
        batch_op.drop_index(batch_op.f('ix_wage_payment_complaint_id'))

    op.drop_table('wage_payment')
    with op.batch_alter_table('payment_instalment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_payment_instalment_worker_id'))
        batch_op.drop_index(batch_op.f('ix_payment_instalment_uuid'))
        batch_op.drop_index('ix_payment_instalment_due_on')
        batch_op.drop_index(batch_op.f('ix_payment_instalment_complaint_id'))

    op.drop_table('payment_instalment')
    with op.batch_alter_table('complaint_worker', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_complaint_worker_uuid'))
        batch_op.drop_index(batch_op.f('ix_complaint_worker_party_id'))
        batch_op.drop_index(batch_op.f('ix_complaint_worker_complaint_id'))

    op.drop_table('complaint_worker')
    with op.batch_alter_table('complaint_officer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_complaint_officer_uuid'))
        batch_op.drop_index(batch_op.f('ix_complaint_officer_officer_id'))
        batch_op.drop_index(batch_op.f('ix_complaint_officer_complaint_id'))

    op.drop_table('complaint_officer')
    with op.batch_alter_table('complaint_legal_review', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_complaint_legal_review_uuid'))
        batch_op.drop_index(batch_op.f('ix_complaint_legal_review_reviewer_id'))
        batch_op.drop_index(batch_op.f('ix_complaint_legal_review_complaint_id'))

    op.drop_table('complaint_legal_review')
    with op.batch_alter_table('complaint_evidence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_complaint_evidence_uuid'))
        batch_op.drop_index(batch_op.f('ix_complaint_evidence_sha256'))
        batch_op.drop_index(batch_op.f('ix_complaint_evidence_complaint_id'))

    op.drop_table('complaint_evidence')
    with op.batch_alter_table('complaint_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_complaint_event_uuid'))
        batch_op.drop_index(batch_op.f('ix_complaint_event_complaint_id'))
        batch_op.drop_index('ix_complaint_event_complaint_date')

    op.drop_table('complaint_event')
    with op.batch_alter_table('complaint_employer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_complaint_employer_uuid'))
        batch_op.drop_index(batch_op.f('ix_complaint_employer_party_id'))
        batch_op.drop_index(batch_op.f('ix_complaint_employer_complaint_id'))

    op.drop_table('complaint_employer')
    with op.batch_alter_table('complaint', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_complaint_uuid'))
        batch_op.drop_index('ix_complaint_status_received_on_id')
        batch_op.drop_index('ix_complaint_received_on_id')
        batch_op.drop_index(batch_op.f('ix_complaint_project_id'))
        batch_op.drop_index(batch_op.f('ix_complaint_complainant_id'))
        batch_op.drop_index('ix_complaint_channel_received_on_id')

    op.drop_table('complaint')

