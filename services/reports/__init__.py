"""The admin console's reading and tuning of the desk (issue 5 §3): statistics (`stats`),
exports (`export`), search (`search`) and the deadline settings of each queue (`sla`).

Numbers are computed by the database (grouped queries; exports streamed in batches), never by
loading every case: a desk holds up to millions. These modules turn them into what staff read.
"""
