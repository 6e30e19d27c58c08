"""Tests for the stock ledger used by the warehouse scanner app."""
import unittest
from decimal import Decimal

from ledger import Ledger, LedgerError


def find_item(ledger, sku):
    """Returns the item with this SKU, or None when the ledger has no such item."""
    for item in ledger.items:
        if item.sku == sku:
            return item
    return None


def first_negative(ledger):
    for item in ledger.items:
        if item.quantity < 0:
            return item
    return None


class LedgerTests(unittest.TestCase):
    def setUp(self):
        self.ledger = Ledger(currency="EUR")
        self.ledger.receive("BOLT-M6", quantity=200, unit_cost=Decimal("0.04"))
        self.ledger.receive("NUT-M6", quantity=150, unit_cost=Decimal("0.02"))

    def test_receive_adds_quantity(self):
        self.ledger.receive("BOLT-M6", quantity=50, unit_cost=Decimal("0.04"))
        item = find_item(self.ledger, "BOLT-M6")
        self.assertEqual(item.quantity, 250)
        self.assertEqual(item.unit_cost, Decimal("0.04"))
        self.assertIsNone(first_negative(self.ledger))

    def test_issue_removes_quantity(self):
        self.ledger.issue("NUT-M6", quantity=30)
        item = find_item(self.ledger, "NUT-M6")
        self.assertEqual(item.quantity, 120)
        self.assertEqual(item.unit_cost, Decimal("0.02"))
        self.assertIsNone(first_negative(self.ledger))

    def test_issue_more_than_stock_fails(self):
        with self.assertRaises(LedgerError):
            self.ledger.issue("NUT-M6", quantity=151)
        item = find_item(self.ledger, "NUT-M6")
        self.assertEqual(item.quantity, 150)
        self.assertIsNone(first_negative(self.ledger))

    def test_unknown_sku_is_none(self):
        self.assertIsNone(find_item(self.ledger, "WASHER-M8"))
        self.assertEqual(len(self.ledger.items), 2)

    def test_total_value(self):
        self.assertEqual(self.ledger.total_value(), Decimal("11.00"))
        self.ledger.issue("BOLT-M6", quantity=100)
        self.assertEqual(self.ledger.total_value(), Decimal("7.00"))
        self.ledger.issue("NUT-M6", quantity=150)
        self.assertEqual(self.ledger.total_value(), Decimal("4.00"))

    def test_average_cost_after_second_delivery(self):
        self.ledger.receive("BOLT-M6", quantity=200, unit_cost=Decimal("0.06"))
        item = find_item(self.ledger, "BOLT-M6")
        self.assertEqual(item.quantity, 400)
        self.assertEqual(item.unit_cost, Decimal("0.05"))
        self.assertIsNone(first_negative(self.ledger))

    def test_history_records_every_move(self):
        self.ledger.issue("BOLT-M6", quantity=10)
        self.ledger.issue("BOLT-M6", quantity=10)
        moves = [m for m in self.ledger.history if m.sku == "BOLT-M6"]
        self.assertEqual(len(moves), 3)
        self.assertEqual([m.quantity for m in moves], [200, -10, -10])


class StocktakeTests(unittest.TestCase):
    def setUp(self):
        self.ledger = Ledger(currency="EUR")
        self.ledger.receive("BOLT-M6", quantity=200, unit_cost=Decimal("0.04"))

    def counted(self, sku):
        item = find_item(self.ledger, sku)
        if item is None:
            return None
        return item.quantity

    def test_adjust_to_counted_quantity(self):
        self.ledger.adjust("BOLT-M6", counted=190, reason="stocktake")
        self.assertEqual(self.counted("BOLT-M6"), 190)
        self.assertIsNone(first_negative(self.ledger))

    def test_adjust_unknown_sku_creates_nothing(self):
        with self.assertRaises(LedgerError):
            self.ledger.adjust("WASHER-M8", counted=5, reason="stocktake")
        self.assertIsNone(self.counted("WASHER-M8"))
        self.assertEqual(len(self.ledger.items), 1)


if __name__ == "__main__":
    unittest.main()
