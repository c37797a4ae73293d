"""Renderers: plain functions of reports."""
