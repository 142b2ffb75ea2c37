// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {AssetRegistry} from "../AssetRegistry.sol";
import {IAssetRegistry} from "../interfaces/IAssetRegistry.sol";
import {IRevenueVault} from "../interfaces/IRevenueVault.sol";
import {TestToken} from "./TestTokens.sol";
import {Merkle} from "./utils/Merkle.sol";
import {ShareLeaf} from "./MarketplaceBase.t.sol";
import {Test} from "./utils/Vm.sol";

/// @notice Random deposits, purchases, fee changes, ownership moves, claims (with replays) and fee withdrawals on a
/// five-asset lineage with two community assets, in two tokens.
/// @dev Assets: 1 sole (open), 2 community (weights 1, 2, 3, 4), 3 sole child of 1 and 2 (30% up), 4 community child
/// of 3 (50% up; weights 5, 7, 11, 13), 5 sole child of 4 and 1 (everything up).
contract MarketplaceHandler is Test {
    AssetRegistry public r;
    TestToken[2] public tokens;
    address internal constant BUYER = address(0xB1);
    address[4] internal soleOwners = [address(0x3001), address(0x3002), address(0x3003), address(0x3004)];
    address[4] internal coOwners = [address(0x4001), address(0x4002), address(0x4003), address(0x4004)];
    uint256[4][2] internal weights;
    bytes32[4][2] internal leaves;
    uint256[2] internal totalWeight;
    uint256 public constant ASSETS = 5;

    mapping(address token => uint256) public paidOut;
    bool public paidTwice;
    uint256 public claims;
    uint256 public replays;

    constructor() {
        r = new AssetRegistry(address(this), address(this), address(this), address(0xFEE5), 500);
        for (uint256 t = 0; t < 2; t++) {
            tokens[t] = new TestToken();
            tokens[t].mint(address(this), 1e36);
            tokens[t].mint(BUYER, 1e36);
            tokens[t].approve(address(r), type(uint256).max);
            r.setCurrencyAllowed(address(tokens[t]), true);
            vm.prank(BUYER);
            tokens[t].approve(address(r), type(uint256).max);
        }
        weights[0] = [uint256(1), 2, 3, 4];
        weights[1] = [uint256(5), 7, 11, 13];
        _sole(soleOwners[0], 0, 1000, new IAssetRegistry.Parent[](0));
        _community(0, 0, new IAssetRegistry.Parent[](0));
        IAssetRegistry.Parent[] memory p = new IAssetRegistry.Parent[](2);
        p[0] = IAssetRegistry.Parent(1, IAssetRegistry.Relation.TrainedOn);
        p[1] = IAssetRegistry.Parent(2, IAssetRegistry.Relation.TrainedOn);
        _sole(soleOwners[1], 3000, 0, p);
        IAssetRegistry.Parent[] memory q = new IAssetRegistry.Parent[](1);
        q[0] = IAssetRegistry.Parent(3, IAssetRegistry.Relation.FineTunedFrom);
        _community(1, 5000, q);
        p[0] = IAssetRegistry.Parent(4, IAssetRegistry.Relation.DerivedFrom);
        p[1] = IAssetRegistry.Parent(1, IAssetRegistry.Relation.DerivedFrom);
        _sole(soleOwners[2], 10_000, 777, p);
    }

    function deposit(uint256 asset, uint256 t, uint96 amount) external {
        if (amount == 0) return;
        r.depositRevenue(1 + (asset % ASSETS), address(tokens[t % 2]), amount);
    }

    function purchase(bool tip) external {
        uint256 id = tip ? 5 : 1;
        IAssetRegistry.Terms memory terms = r.termsOf(id);
        vm.prank(BUYER);
        r.purchaseLicense(id, terms.currency, terms.price);
    }

    function setFee(uint16 fee) external {
        r.setFee(uint16(bound(fee, 0, 2000)));
    }

    function setPrice(bool tip, uint64 price, bool otherToken) external {
        uint256 id = tip ? 5 : 1;
        IAssetRegistry.Terms memory terms = r.termsOf(id);
        terms.price = price;
        terms.currency = address(tokens[otherToken ? 1 : 0]);
        (address owner,,,,) = r.assetOf(id);
        vm.prank(owner);
        r.setTerms(id, terms);
    }

    function transfer(uint256 which, uint256 to) external {
        uint256 id = [uint256(1), 3, 5][which % 3];
        (address owner,,,,) = r.assetOf(id);
        vm.prank(owner);
        r.transferAsset(id, soleOwners[to % 4]);
    }

    function claim(uint256 asset, uint256 holder, uint256 t) external {
        (uint256 id, address account, uint256 weight, bytes32[] memory proof) = _holder(asset, holder);
        address token = address(tokens[t % 2]);
        if (r.claimable(id, token, account, weight) == 0) return;
        uint256 before = tokens[t % 2].balanceOf(account);
        uint256 paid = r.claimRevenue(id, token, account, weight, proof);
        if (tokens[t % 2].balanceOf(account) - before != paid) paidTwice = true;
        paidOut[token] += paid;
        claims++;
    }

    /// @dev Claims again what was just claimed: it must pay nothing.
    function replay(uint256 asset, uint256 holder, uint256 t) external {
        (uint256 id, address account, uint256 weight, bytes32[] memory proof) = _holder(asset, holder);
        address token = address(tokens[t % 2]);
        if (r.claimable(id, token, account, weight) > 0) {
            paidOut[token] += r.claimRevenue(id, token, account, weight, proof);
        }
        try r.claimRevenue(id, token, account, weight, proof) {
            paidTwice = true;
        } catch (bytes memory reason) {
            if (bytes4(reason) != IRevenueVault.NothingToClaim.selector) paidTwice = true;
        }
        replays++;
    }

    function withdrawFees(uint256 t) external {
        address token = address(tokens[t % 2]);
        if (r.feesOwed(token) > 0) r.withdrawFees(token);
    }

    /// @dev What co-owner `i` of community asset `c` (0: asset 2, 1: asset 4) may hold at most: its part of the credit.
    function entitlement(uint256 c, uint256 i, address token) external view returns (uint256 claimed, uint256 due) {
        uint256 id = c == 0 ? 2 : 4;
        claimed = r.claimed(id, token, coOwners[i]);
        due = (r.credited(id, token) * weights[c][i]) / totalWeight[c];
    }

    function tokenAt(uint256 t) external view returns (address) {
        return address(tokens[t]);
    }

    function _holder(uint256 asset, uint256 holder)
        internal
        view
        returns (uint256 id, address account, uint256 weight, bytes32[] memory proof)
    {
        id = 1 + (asset % ASSETS);
        if (id == 2 || id == 4) {
            uint256 c = id == 2 ? 0 : 1;
            uint256 i = holder % 4;
            (, proof) = Merkle.tree4(leaves[c], i);
            return (id, coOwners[i], weights[c][i], proof);
        }
        (account,,,,) = r.assetOf(id);
        return (id, account, 1, new bytes32[](0));
    }

    function _terms(uint16 parentShareBps, uint256 price) internal view returns (IAssetRegistry.Terms memory) {
        return IAssetRegistry.Terms(true, true, parentShareBps, price, address(tokens[0]), 1 days, false);
    }

    function _sole(address owner, uint16 bps, uint256 price, IAssetRegistry.Parent[] memory parents) internal {
        vm.prank(owner);
        r.register(IAssetRegistry.Kind.Model, keccak256(abi.encode(owner)), "", _terms(bps, price), parents);
    }

    function _community(uint256 c, uint16 bps, IAssetRegistry.Parent[] memory parents) internal {
        uint256 id = r.registerFor(
            address(this), IAssetRegistry.Kind.Dataset, keccak256(abi.encode(c)), "", _terms(bps, 0), parents
        );
        for (uint256 i = 0; i < 4; i++) {
            leaves[c][i] = ShareLeaf.hash(coOwners[i], weights[c][i]);
            totalWeight[c] += weights[c][i];
        }
        (bytes32 root,) = Merkle.tree4(leaves[c], 0);
        r.commitShares(id, root, totalWeight[c]);
    }
}

contract MarketplaceInvariantTest is Test {
    MarketplaceHandler internal h;

    function setUp() public {
        h = new MarketplaceHandler();
        targetContract(address(h));
    }

    function invariant_everyUnitIsAFeeOrACredit() public view {
        AssetRegistry r = h.r();
        for (uint256 t = 0; t < 2; t++) {
            address token = h.tokenAt(t);
            uint256 sum = r.feesOwed(token) + r.feesWithdrawn(token);
            for (uint256 id = 1; id <= h.ASSETS(); id++) {
                sum += r.credited(id, token);
            }
            assertEq(sum, r.totalDeposited(token), "fees + credits (parents' royalties included) == deposits");
        }
    }

    function invariant_claimsAndFeesNeverExceedDeposits() public view {
        AssetRegistry r = h.r();
        for (uint256 t = 0; t < 2; t++) {
            address token = h.tokenAt(t);
            uint256 out = r.totalClaimed(token) + r.feesWithdrawn(token);
            assertLe(out + r.feesOwed(token), r.totalDeposited(token), "claims + fees <= deposits");
            assertEq(TestToken(token).balanceOf(address(r)), r.totalDeposited(token) - out, "the vault holds the rest");
            assertEq(r.totalClaimed(token), h.paidOut(token), "every claim paid what the books say");
            for (uint256 id = 1; id <= h.ASSETS(); id++) {
                assertLe(r.claimedOf(id, token), r.credited(id, token), "an asset's holders claim at most its credit");
            }
        }
    }

    function invariant_coOwnersGetAtMostTheirPart() public view {
        for (uint256 t = 0; t < 2; t++) {
            for (uint256 c = 0; c < 2; c++) {
                for (uint256 i = 0; i < 4; i++) {
                    (uint256 claimed, uint256 due) = h.entitlement(c, i, h.tokenAt(t));
                    assertLe(claimed, due, "claimed <= credit * weight / totalWeight");
                }
            }
        }
    }

    function invariant_nothingIsClaimableTwice() public view {
        assertTrue(!h.paidTwice(), "a replayed claim paid again");
    }
}
