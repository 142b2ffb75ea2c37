// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title Caravan asset registry
/// @notice Registers datasets, models and agents with their content hash, metadata, machine-readable license terms
/// and lineage (the assets each was derived from, trained on or fine-tuned from), and sells time-limited or
/// perpetual licenses to them. A license payment is revenue of the asset (see {IRevenueVault}).
interface IAssetRegistry {
    enum Kind {
        Dataset,
        Model,
        Agent
    }

    enum Relation {
        DerivedFrom,
        TrainedOn,
        FineTunedFrom
    }

    /// @notice An asset's license terms. New terms apply to licenses bought after the change.
    /// @param commercialUse Whether a license allows commercial use.
    /// @param derivativesAllowed Whether anyone may register a child of this asset; if not, only its owner and
    /// holders of a valid license may.
    /// @param parentShareBps The share of every revenue credit of this asset (after the platform fee) that goes to
    /// its parents, split equally among them. Fixed at registration for an asset with parents: it can rise, never
    /// fall.
    /// @param price What a license costs, in base units of `currency` (0: free, still recorded).
    /// @param currency The ERC-20 token of `price`; must be allowed by the admin.
    /// @param durationSeconds How long a license lasts; 0 means forever.
    /// @param attributionRequired Whether a licensee must credit the asset.
    struct Terms {
        bool commercialUse;
        bool derivativesAllowed;
        uint16 parentShareBps;
        uint256 price;
        address currency;
        uint64 durationSeconds;
        bool attributionRequired;
    }

    /// @notice One parent of an asset and how the asset came from it.
    struct Parent {
        uint256 assetId;
        Relation relation;
    }

    event AssetRegistered(
        uint256 indexed assetId,
        Kind kind,
        address indexed owner,
        address indexed registrant,
        bool community,
        bytes32 contentHash,
        string metadataURI
    );
    event LineageRecorded(uint256 indexed assetId, uint256 indexed parentId, Relation relation);
    event TermsChanged(uint256 indexed assetId, Terms terms);
    event MetadataChanged(uint256 indexed assetId, string metadataURI);
    event AssetTransferred(uint256 indexed assetId, address indexed from, address indexed to);
    event SharesCommitted(uint256 indexed assetId, bytes32 root, uint256 totalWeight);
    event LicensePurchased(
        uint256 indexed assetId, address indexed buyer, address currency, uint256 price, uint64 expiresAt
    );

    error ZeroContentHash();
    error BadParentShare(uint16 parentShareBps);
    error ParentShareLowered(uint256 assetId, uint16 current, uint16 given);
    error TooManyParents(uint256 count, uint256 max);
    error DuplicateParent(uint256 parentId);
    error DerivativesNotAllowed(uint256 parentId, address owner);
    error LineageTooWide(uint256 assetsReached, uint256 max);
    error NotAssetOwner(uint256 assetId, address caller, address owner);
    error NotCommunity(uint256 assetId);
    error SharesAlreadyCommitted(uint256 assetId);
    error BadShares(bytes32 root, uint256 totalWeight);
    error CurrencyMismatch(uint256 assetId, address currency, address expected);
    error PriceAboveMax(uint256 assetId, uint256 price, uint256 maxPrice);
    error AlreadyPerpetual(uint256 assetId, address account);

    /// @notice Registers an asset owned by the caller; returns its id (1, 2, … in order).
    /// @param parents At most `MAX_PARENTS` distinct registered assets. A parent whose terms forbid derivatives
    /// needs the caller to own it or hold a valid license to it. A deposit to the new asset may reach at most
    /// `MAX_ROUTE` assets up its lineage (counting each path), else `LineageTooWide`.
    function register(
        Kind kind,
        bytes32 contentHash,
        string calldata metadataURI,
        Terms calldata terms,
        Parent[] calldata parents
    ) external returns (uint256 assetId);

    /// @notice Registers a community asset for `owner` (registrar): its revenue goes to the co-owners of the share
    /// root the registrar commits with {commitShares}, not to `owner`, who manages its metadata and terms. Parents
    /// that forbid derivatives need `owner` to own them or hold a license.
    function registerFor(
        address owner,
        Kind kind,
        bytes32 contentHash,
        string calldata metadataURI,
        Terms calldata terms,
        Parent[] calldata parents
    ) external returns (uint256 assetId);

    /// @notice Commits a community asset's co-ownership once, for ever (registrar): a Merkle root of
    /// `(address account, uint256 weight)` leaves whose weights add up to `totalWeight`. Revenue credited before
    /// the commitment is shared by the same root.
    function commitShares(uint256 assetId, bytes32 root, uint256 totalWeight) external;

    /// @notice Changes an asset's metadata URI (owner).
    function setMetadataURI(uint256 assetId, string calldata metadataURI) external;

    /// @notice Changes an asset's terms for licenses bought from now on (owner). Reverts `ParentShareLowered` when
    /// an asset with parents would pass less to them.
    function setTerms(uint256 assetId, Terms calldata terms) external;

    /// @notice Hands an asset to `to` (owner). A sole-owner asset's unclaimed revenue goes with it.
    function transferAsset(uint256 assetId, address to) external;

    /// @notice Buys a license to `assetId` for the caller at its current terms: pulls `price` of `currency` from
    /// the caller (approve first) as the asset's revenue, and extends the caller's license by `durationSeconds`
    /// from the later of now and its current expiry (or makes it perpetual).
    /// @param currency The currency the caller expects; `CurrencyMismatch` if the terms name another.
    /// @param maxPrice The most the caller pays; `PriceAboveMax` if the terms changed to a higher price.
    /// @return expiresAt When the license ends; `type(uint64).max` for a perpetual one.
    function purchaseLicense(uint256 assetId, address currency, uint256 maxPrice) external returns (uint64 expiresAt);

    /// @notice Whether `account` may use `assetId` now: its owner, or a holder of an unexpired license.
    function hasLicense(uint256 assetId, address account) external view returns (bool);

    /// @notice When `account`'s license to `assetId` ends (0: none; `type(uint64).max`: never).
    function licenseExpiry(uint256 assetId, address account) external view returns (uint64);

    /// @notice An asset's owner, kind, whether it is a community asset, content hash and metadata URI. Reverts
    /// `UnknownAsset` for an id never registered.
    function assetOf(uint256 assetId)
        external
        view
        returns (address owner, Kind kind, bool community, bytes32 contentHash, string memory metadataURI);

    /// @notice An asset's current license terms.
    function termsOf(uint256 assetId) external view returns (Terms memory);

    /// @notice An asset's parents, in the order they were registered.
    function parentsOf(uint256 assetId) external view returns (Parent[] memory);

    /// @notice A community asset's share root and total weight (zero until committed; zero for sole-owner assets).
    function sharesOf(uint256 assetId) external view returns (bytes32 root, uint256 totalWeight);

    /// @notice How many assets were registered (the last id).
    function assetCount() external view returns (uint256);
}
